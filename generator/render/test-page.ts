// One test → its page: typed front matter for the site, Markdown body from the template.
import type { BlockContent, PhrasingContent } from 'mdast';
import type { TestEntry } from '../contract/collections.ts';
import type { FeatureNode, Link, Result } from '../model/types.ts';
import { safeDescription } from './description.ts';
import { formatBytes, formatDuration } from './format.ts';
import { code, inlineCode, link, list, listItem, oneLine, paragraph, safeUrl, stringify, table, text, image, strong } from './markdown.ts';
import { fixtureList, STATUS_ICON, stepTree, visibleParameters } from './steps.ts';
import type { Attachment } from '../model/types.ts';
import { attachmentsOf } from '../model/attachments.ts';

export interface RenderOptions {
  /** The site's base path, ending with '/'. */
  base: string;
  /** URL patterns for links that carry only a name, e.g. `{ issue: 'https://tracker/{}' }`. */
  linkPatterns: Record<string, string>;
  /** A known defect explains this failure: the page leads with it, so the raw message folds away too. */
  foldFailure?: boolean;
}

export interface RenderedPage<T> {
  frontmatter: T;
  body: string;
}

export function crumbsOf(node: FeatureNode, nodesByPath: (path: string[]) => FeatureNode | undefined) {
  const crumbs: { title: string; slug: string }[] = [];
  for (let depth = 1; depth <= node.path.length; depth++) {
    const n = nodesByPath(node.path.slice(0, depth));
    if (n) crumbs.push({ title: n.title, slug: n.slug });
  }
  return crumbs;
}

/** A link's URL: as written when it is absolute, else the configured pattern for its type filled with its id. */
export function linkUrl(l: Link, patterns: Record<string, string>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(l.url)) return l.url;
  const pattern = patterns[l.type];
  const id = l.url || l.name.replace(/^#/, '');
  return pattern && id ? pattern.replace('{}', encodeURIComponent(id)) : '';
}

function labelValues(result: Result, name: string): string[] {
  return [...new Set(result.labels.filter((l) => l.name === name && l.value).map((l) => l.value))].sort();
}

function attachmentBlocks(all: { owner: string; attachment: Attachment }[], base: string): BlockContent[] {
  const blocks: BlockContent[] = [];
  for (const { owner, attachment: a } of all) {
    const caption: PhrasingContent[] = [strong(text(oneLine(a.name))), text(` · ${a.contentType} · ${formatBytes(a.sizeBytes)}`)];
    if (owner !== 'test') caption.push(text(` · from ${oneLine(owner)}`));
    blocks.push(paragraph(...caption));
    const url = `${base}${a.href}`;
    if (a.preview === 'image') blocks.push(paragraph(image(url, oneLine(a.name))));
    else if (a.preview === 'text' && a.text !== undefined) {
      const lang = /json/.test(a.contentType) ? 'json' : /xml/.test(a.contentType) ? 'xml' : 'text';
      blocks.push(code(a.text + (a.truncated ? '\n… (preview cut; download the whole file)' : ''), lang));
      blocks.push(paragraph(link(url, text('Download'))));
    } else if (a.preview === 'html') blocks.push(paragraph(emphasisText('Shown below, in a sandboxed frame.')));
    else blocks.push(paragraph(link(url, text('Download'))));
  }
  return blocks;
}

function emphasisText(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] };
}

export function renderTest(
  result: Result,
  node: FeatureNode,
  crumbs: { title: string; slug: string }[],
  options: RenderOptions,
  template: (view: object) => string,
): RenderedPage<TestEntry> {
  const { base } = options;
  const details = result.statusDetails;
  const failing = result.status === 'failed' || result.status === 'broken';
  const attachments = attachmentsOf(result);
  const htmlAttachments = attachments
    .filter(({ attachment: a }) => a.preview === 'html' && a.text !== undefined)
    .map(({ owner, attachment: a }) => ({ name: a.name, href: a.href, contentType: a.contentType, sizeBytes: a.sizeBytes, preview: a.preview, owner, html: a.text }));
  const params = visibleParameters(result.parameters);
  const links = result.links
    .map((l) => ({ l, url: linkUrl(l, options.linkPatterns) }))
    .map(({ l, url }) => {
      const label = oneLine(l.name || l.url || l.type);
      const line: PhrasingContent[] = [];
      if (l.type) line.push(text(`${l.type}: `));
      line.push(safeUrl(url) ? link(url, text(label)) : text(label));
      return listItem([paragraph(...line)]);
    });
  const detailRows: PhrasingContent[][] = [
    [text('Full name'), inlineCode(result.fullName || result.name)],
    [text('Identity'), inlineCode(result.key)],
    [text('Result file'), inlineCode(result.file)],
    ...result.labels
      .filter((l) => l.value && !l.name.startsWith('_'))
      .map((l) => [text(oneLine(l.name)), text(oneLine(l.value))]),
  ];
  const view = {
    base,
    title: stringify([paragraph(text(result.name))]),
    status: result.status,
    failure: (failing || details.message) && (details.message || details.trace)
      ? {
          message: options.foldFailure
            ? stringify([{ type: 'html', value: '<details><summary>Message</summary>' }, code(details.message || '(no message)'), { type: 'html', value: '</details>' }])
            : stringify([code(details.message || '(no message)')]),
          comparison:
            details.expected !== undefined || details.actual !== undefined
              ? stringify([table(['Expected', 'Actual'], [[inlineCode(details.expected ?? ''), inlineCode(details.actual ?? '')]])])
              : '',
          trace: details.trace ? stringify([code(details.trace)]) : '',
        }
      : false,
    description: safeDescription(result.description),
    parameters: params.length
      ? stringify([table(['Name', 'Value'], params.map((p) => [text(oneLine(p.name)), inlineCode(p.value)]))])
      : '',
    setup: stringify(fixtureList(result.setup, base)),
    steps: stringify(stepTree(result.steps, base)),
    teardown: stringify(fixtureList(result.teardown, base)),
    attachments: stringify(attachmentBlocks(attachments, base)),
    retries: result.retries.length
      ? stringify([
          table(
            ['#', 'Status', 'Duration', 'Message'],
            [...result.retries, result].map((a, i) => [
              text(String(i + 1)),
              text(`${STATUS_ICON[a.status]} ${a.status}`),
              text(formatDuration(a.durationMs)),
              a.statusDetails.message ? inlineCode(oneLine(a.statusDetails.message).slice(0, 200)) : text(''),
            ]),
          ),
        ])
      : '',
    links: links.length ? stringify([list(links)]) : '',
    details: stringify([table(['Field', 'Value'], detailRows)]),
  };
  const frontmatter: TestEntry = {
    kind: 'test',
    slug: result.slug,
    key: result.key,
    title: result.name,
    fullName: result.fullName,
    status: result.status,
    flaky: result.flaky,
    known: details.known,
    muted: details.muted,
    durationMs: result.durationMs,
    start: result.start,
    message: oneLine(details.message).slice(0, 500),
    feature: { path: node.path, slug: node.slug, crumbs },
    owner: labelValues(result, 'owner')[0] ?? '',
    severity: labelValues(result, 'severity')[0] ?? '',
    tags: labelValues(result, 'tag'),
    labels: result.labels.filter((l) => l.value && !l.name.startsWith('_')).map((l) => ({ name: l.name, value: l.value })),
    retries: result.retries.length,
    descriptionHtml: result.descriptionHtml,
    htmlAttachments,
  };
  return { frontmatter, body: template(view) };
}
