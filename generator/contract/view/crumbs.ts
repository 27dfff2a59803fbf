// Breadcrumb trails. The generator's `crumbs` may or may not end with the page
// itself; the trail always ends with the current page, unlinked.
import { featureHref, featuresIndexHref } from './urls.ts';

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

interface SourceCrumb {
  title: string;
  slug: string;
}

/** Features › ancestors… › current, for a feature node page. */
export function featureTrail(base: string, crumbs: readonly SourceCrumb[], current: SourceCrumb): Crumb[] {
  const ancestors = crumbs.filter((c) => c.slug !== current.slug && c.slug !== '');
  return [
    { label: 'Features', href: featuresIndexHref(base) },
    ...ancestors.map((c) => ({ label: c.title, href: featureHref(base, c.slug) })),
    { label: current.title },
  ];
}

/** Features › the test's feature path… › test title, for a test page. */
export function testTrail(base: string, crumbs: readonly SourceCrumb[], testTitle: string): Crumb[] {
  return [
    { label: 'Features', href: featuresIndexHref(base) },
    ...crumbs.filter((c) => c.slug !== '').map((c) => ({ label: c.title, href: featureHref(base, c.slug) })),
    { label: testTitle },
  ];
}

/** The slugs on the way to a page, to open its branch in the side nav. */
export function activeSlugs(crumbs: readonly SourceCrumb[], currentSlug?: string): Set<string> {
  const slugs = new Set(crumbs.map((c) => c.slug));
  if (currentSlug !== undefined) slugs.add(currentSlug);
  return slugs;
}
