// The data every page's frame needs (title, nav), read from the collections.
// The only module here that touches astro:content besides the routes.
import { getCollection, getEntry } from 'astro:content';
import type { PageEntry } from '../../generator/contract/collections.ts';
import { childrenLookup, topLevelFeatures, type ChildrenOf, type FeatureSummary } from './feature-tree.ts';

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

// Every page's frame needs the same chrome; computing it once per build instead
// of once per page keeps large sites (thousands of test pages) fast to build.
let chrome: Promise<SiteChrome> | undefined;

export function getSiteChrome(): Promise<SiteChrome> {
  chrome ??= loadSiteChrome();
  return chrome;
}

async function loadSiteChrome(): Promise<SiteChrome> {
  const [overview, features, triage] = await Promise.all([getPage('overview'), getCollection('features'), getEntry('triage', 'failures')]);
  const data = features.map((f) => f.data);
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
