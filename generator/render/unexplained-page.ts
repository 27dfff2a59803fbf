// The unexplained-failures page: failures no known defect explains, grouped by
// normalized signature, largest first, each with a defect file to copy. A
// generator page (docs/decisions/site-pages.md), from the same triage data the
// overview's breakdown reads.
import type { TriageEntry } from '../contract/defects.ts';
import type { HtmlPage } from '../contract/frame.ts';
import { defectsIndexHref } from '../contract/view/defects.ts';
import { pluralize } from '../contract/view/format.ts';
import { testHref } from '../contract/view/urls.ts';

export function renderUnexplained(triage: TriageEntry, base: string, template: (view: object) => string): HtmlPage {
  const b = triage.breakdown;
  const view = {
    failures: pluralize(b.unexplained, 'failure'),
    groupCount: pluralize(b.groups, 'group'),
    muted: b.unexplainedMuted,
    defectsHref: defectsIndexHref(base),
    groups: triage.groups.map((g) => ({
      id: g.id,
      rank: g.rank,
      count: pluralize(g.count, 'failure'),
      headline: g.message.split('\n')[0],
      split: [g.failed ? `${g.failed} failed` : '', g.broken ? `${g.broken} broken` : ''].filter(Boolean).join(', '),
      tests: g.tests.map((t) => ({ status: t.status, title: t.title, href: testHref(base, t.slug) })),
      moreTests: g.moreTests,
      signature: [g.message, ...g.frames].join('\n'),
      sampleMessage: g.sampleMessage,
      sampleTrace: g.sampleTrace,
      suggestion: g.suggestion,
      alsoMatches: g.alsoMatches.length ? pluralize(g.alsoMatches.length, 'other group') : '',
    })),
    moreGroups: triage.moreGroups ? pluralize(triage.moreGroups, 'smaller group') : '',
  };
  return { title: 'Unexplained failures', navOpen: [], html: template(view), indexed: false };
}
