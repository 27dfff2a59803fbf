// Links to case pages and the coverage page (see urls.ts for the rest).
import type { CaseRef } from '../coverage.ts';
import { testHref, withBase } from './urls.ts';

export function caseHref(base: string, slug: string): string {
  return withBase(base, `cases/${slug.split('/').filter(Boolean).map(encodeURIComponent).join('/')}.html`);
}

/** A case's page: its own for a written case, the test page for an automated-only one. */
export function caseRefHref(base: string, ref: Pick<CaseRef, 'href' | 'slug'>): string {
  return ref.href === 'cases' ? caseHref(base, ref.slug) : testHref(base, ref.slug);
}

export function coverageHref(base: string): string {
  return withBase(base, 'coverage/');
}
