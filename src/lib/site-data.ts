// The data every page's frame needs (title, nav), read from the collections and
// the features file. The only module here that touches astro:content besides the routes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getEntry } from 'astro:content';
import { z } from 'zod';
import type { FeatureEntry, PageEntry } from '../../generator/contract/collections.ts';
import { FEATURES_FILE, featureEntrySchema } from '../../generator/contract/collections.ts';
import { contentDir } from './content-dir.ts';
import { childrenLookup, topLevelFeatures, type ChildrenOf, type FeatureSummary } from '../../generator/contract/view/feature-tree.ts';

export interface SiteChrome {
  runTitle: string;
  rejectedCount: number;
  topLevel: readonly FeatureSummary[];
  childrenOf: ChildrenOf;
  /** For the nav: known defects, unexplained failures, defects marked fixed that still match. */
  failures: { defects: number; unexplained: number; regressions: number };
}

export async function getPage(slug: PageEntry['slug']) {
  const entry = await getEntry('pages', slug);
  if (!entry) throw new Error(`The content folder has no pages/${slug}.md; was it written by \`casebook generate\`?`);
  return entry;
}

let features: Promise<FeatureEntry[]> | undefined;

/**
 * Every node of the feature tree, read once per build. One JSON file rather than
 * a content collection: Astro's content layer held ~225 MB and took ~2 s more
 * for the 10,247 nodes of 100,000 results. Checked against the same contract.
 */
export function getFeatures(): Promise<FeatureEntry[]> {
  features ??= loadFeatures();
  return features;
}

async function loadFeatures(): Promise<FeatureEntry[]> {
  const file = path.join(contentDir, FEATURES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`The content folder has no ${FEATURES_FILE} (${file}); was it written by \`casebook generate\`?`);
  }
  const parsed = z.array(featureEntrySchema).safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} does not match the feature entry schema: ${parsed.error.message}`);
  return parsed.data;
}

// Every page's frame needs the same chrome; computing it once per build instead
// of once per page keeps large sites (thousands of test pages) fast to build.
let chrome: Promise<SiteChrome> | undefined;

export function getSiteChrome(): Promise<SiteChrome> {
  chrome ??= loadSiteChrome();
  return chrome;
}

async function loadSiteChrome(): Promise<SiteChrome> {
  const [overview, data, triage] = await Promise.all([getPage('overview'), getFeatures(), getEntry('triage', 'failures')]);
  return {
    runTitle: overview.data.runTitle || overview.data.title,
    rejectedCount: overview.data.rejected.length,
    topLevel: topLevelFeatures(data, overview.data.features),
    childrenOf: childrenLookup(data),
    failures: {
      defects: triage?.data.defects.length ?? 0,
      unexplained: triage?.data.breakdown.unexplained ?? 0,
      regressions: triage?.data.breakdown.regressions ?? 0,
    },
  };
}
