// The failures data the pages need, read from the `triage` collection
// (with site-data.ts, the modules here that touch astro:content besides the routes).
import { getEntry } from 'astro:content';

/** The run's failures: breakdown, categories, defects in matching order, unexplained groups. */
export async function getTriage() {
  const entry = await getEntry('triage', 'failures');
  if (!entry) throw new Error('The content folder has no triage/failures.md; was it written by `casebook generate`?');
  return entry;
}
