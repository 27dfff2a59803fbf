// Cucumber JSON (cucumber-js `--format json`, cucumber-jvm, behave): a `.json`
// file in a results folder whose content is an array of features with
// `elements`. Each scenario and each Scenario Outline row is one result: the
// feature's name is its feature label, tags are tags, steps keep their
// statuses and durations, hooks are set-up and tear-down fixtures, embeddings
// are attachments. A scenario's status is its worst step's, as Cucumber
// counts it: failed (broken when only a hook failed), ambiguous and undefined
// are broken, pending and skipped are skipped. Any other JSON (an attachment)
// is left alone.
import path from 'node:path';
import type { Attachment, Fixture, Label, Result, Status, StatusDetails, Step } from '../../model/types.ts';
import { identityKey, resultSlug } from '../../model/identity.ts';
import { isObject, num, objects, str, type RawObject } from '../raw.ts';
import { TEXT_PREVIEW_BYTES } from './attachment.ts';
import type { FileReader, ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

/** Names the Allure readers and the folder's metadata own. */
const NOT_CUCUMBER = /(-result|-container|-globals|-attachment)\.json$|^(categories|executor|summary|testplan)\.json$/;

/** Cucumber's step statuses, worst first. */
const WORST_FIRST = ['failed', 'ambiguous', 'undefined', 'pending', 'skipped', 'passed'] as const;
const AS_STATUS: Record<string, Status> = { failed: 'failed', ambiguous: 'broken', undefined: 'broken', pending: 'skipped', skipped: 'skipped', passed: 'passed' };

/** Whether parsed JSON is a Cucumber report: an array of features, each with `elements`. */
export function isCucumberReport(raw: unknown): raw is RawObject[] {
  return Array.isArray(raw) && raw.length > 0 && raw.every((f) => isObject(f) && Array.isArray(f.elements) && ('uri' in f || 'keyword' in f));
}

const NO_DETAILS: StatusDetails = { message: '', trace: '', known: false, muted: false, flaky: false };

function detailsOf(result: RawObject): StatusDetails {
  const error = str(result.error_message);
  if (!error) return NO_DETAILS;
  const [message, ...rest] = error.split('\n');
  return { message: message!, trace: rest.length ? error : '', known: false, muted: false, flaky: false };
}

/** Cucumber-js and cucumber-jvm write nanoseconds; behave writes seconds (a fraction). */
function durationMs(result: RawObject, seconds: boolean): number {
  const d = num(result.duration);
  return Math.max(0, Math.round(seconds ? d * 1000 : d / 1e6));
}

function embeddingsOf(raw: RawObject, ctx: ShardContext, owner: string, counter: { n: number }): Attachment[] {
  return [...objects(raw.embeddings), ...objects(raw.attachments)].map((e) => {
    const type = str(e.mime_type) || (isObject(e.media) ? str(e.media.type) : '') || 'application/octet-stream';
    const data = str(e.data);
    const base64 = str(e.encoding) !== 'identity' && /^[A-Za-z0-9+/=\s]*$/.test(data);
    const content = base64 ? Buffer.from(data, 'base64') : Buffer.from(data);
    const ext = type.startsWith('image/png') ? 'png' : type.startsWith('image/jpeg') ? 'jpg' : type.startsWith('text/') || type.includes('json') ? 'txt' : 'bin';
    const source = `cucumber-${owner}-${++counter.n}.${ext}`;
    const textual = ext === 'txt';
    return {
      name: str(e.name) || `${owner} attachment ${counter.n}`,
      source,
      path: '',
      content,
      href: `attachments/${ctx.shard}/${source}`,
      contentType: type,
      sizeBytes: content.length,
      preview: textual ? 'text' : ext === 'png' || ext === 'jpg' ? 'image' : 'download',
      ...(textual ? { text: content.subarray(0, TEXT_PREVIEW_BYTES).toString('utf8'), truncated: content.length > TEXT_PREVIEW_BYTES } : {}),
    } satisfies Attachment;
  });
}

interface Read {
  steps: Step[];
  setup: Fixture[];
  teardown: Fixture[];
  /** Cucumber statuses of the steps and of the hooks. */
  stepStatuses: string[];
  hookFailed?: StatusDetails;
  attachments: Attachment[];
}

function readElementSteps(element: RawObject, ctx: ShardContext, owner: string, seconds: boolean, into: Read, counter: { n: number }): void {
  const hook = (raw: RawObject, where: 'setup' | 'teardown') => {
    const result = isObject(raw.result) ? raw.result : {};
    const status = str(result.status) || 'passed';
    const details = detailsOf(result);
    if (status === 'failed' && !into.hookFailed) into.hookFailed = details;
    into[where].push({ kind: where, name: where === 'setup' ? 'Before' : 'After', status: AS_STATUS[status] ?? 'unknown', statusDetails: details, start: 0, durationMs: durationMs(result, seconds), attachments: embeddingsOf(raw, ctx, owner, counter), steps: [], parameters: [] });
  };
  for (const raw of objects(element.before)) hook(raw, 'setup');
  for (const raw of objects(element.steps)) {
    const keyword = str(raw.keyword).trim();
    // cucumber-js writes hooks as hidden steps named by their keyword.
    if (raw.hidden === true && (keyword === 'Before' || keyword === 'After')) {
      hook(raw, keyword === 'Before' ? 'setup' : 'teardown');
      continue;
    }
    for (const before of objects(raw.before)) hook(before, 'setup');
    const result = isObject(raw.result) ? raw.result : {};
    const status = str(result.status) || 'skipped';
    into.stepStatuses.push(status);
    into.steps.push({
      name: ctx.intern(`${keyword} ${str(raw.name)}`.trim()),
      status: AS_STATUS[status] ?? 'unknown',
      statusDetails: detailsOf(result),
      start: 0,
      stop: 0,
      durationMs: durationMs(result, seconds),
      parameters: [],
      attachments: embeddingsOf(raw, ctx, owner, counter),
      steps: [],
    });
    for (const after of objects(raw.after)) hook(after, 'teardown');
  }
  for (const raw of objects(element.after)) hook(raw, 'teardown');
}

function scenarioStatus(read: Read): { status: Status; details: StatusDetails } {
  const worst = WORST_FIRST.find((s) => read.stepStatuses.includes(s)) ?? 'passed';
  if (read.hookFailed && worst !== 'failed') return { status: 'broken', details: read.hookFailed };
  const failing = read.steps.find((s) => s.status !== 'passed' && s.statusDetails.message);
  return { status: AS_STATUS[worst]!, details: failing?.statusDetails ?? NO_DETAILS };
}

export const cucumberJsonReader: FileReader<Result[]> = {
  name: 'cucumber-json',
  matches: (fileName) => fileName.endsWith('.json') && !NOT_CUCUMBER.test(fileName),
  async read(file, ctx) {
    let raw: unknown;
    const text = await ctx.readText(file);
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      // Not JSON: an attachment, or a file that is none of Casebook's business, unless it looks like a cut-off report.
      if (/^\s*\[\s*\{/.test(text) && text.includes('"elements"')) {
        ctx.diagnostics.report({ severity: 'error', code: 'cucumber/invalid-json', message: `a Cucumber JSON report that is not valid JSON (${(error as Error).message})`, file: displayPath(ctx, path.basename(file)), hint: 'the run may have been killed while writing it; the rest of the folder was read', rejected: true });
      }
      return undefined;
    }
    if (!isCucumberReport(raw)) return undefined;
    const shown = displayPath(ctx, path.basename(file));
    const results: Result[] = [];
    const counter = { n: 0 };
    for (const feature of raw) {
      const uri = str(feature.uri) || str(feature.id);
      const featureName = str(feature.name);
      const featureTags = objects(feature.tags).map((t) => str(t.name).replace(/^@/, ''));
      // behave writes durations in seconds; the others in nanoseconds.
      const seconds = str(feature.keyword) === 'Feature' && objects(feature.elements).some((e) => typeof e.location === 'string');
      let background: Read | undefined;
      for (const element of objects(feature.elements)) {
        const read: Read = { steps: [], setup: [], teardown: [], stepStatuses: [], attachments: [] };
        const owner = `${results.length + 1}`;
        if (str(element.type) === 'background') {
          // cucumber-jvm writes a Background before each scenario: its steps are the scenario's first.
          background = read;
          readElementSteps(element, ctx, owner, seconds, read, counter);
          continue;
        }
        if (background) {
          read.steps.push(...background.steps);
          read.stepStatuses.push(...background.stepStatuses);
          read.setup.push(...background.setup);
          if (background.hookFailed) read.hookFailed = background.hookFailed;
          background = undefined;
        }
        readElementSteps(element, ctx, owner, seconds, read, counter);
        const line = num(element.line);
        const written = str(element.name).trim();
        const name = written || `${featureName || uri} (unnamed scenario, line ${line})`;
        if (!written) ctx.diagnostics.report({ severity: 'warning', code: 'cucumber/unnamed-scenario', message: `a scenario at ${uri}:${line} has no name; it is shown as "${name}"`, file: shown, rejected: false });
        const tags = [...featureTags, ...objects(element.tags).map((t) => str(t.name).replace(/^@/, ''))];
        const labels: Label[] = [
          ...(featureName ? [{ name: 'feature', value: ctx.intern(featureName) }] : []),
          ...[...new Set(tags)].map((t) => ({ name: 'tag', value: ctx.intern(t) })),
          { name: 'framework', value: 'cucumber' },
          { name: 'resultFormat', value: 'cucumber-json' },
        ];
        // The scenario's place in its file: one per scenario and per Examples row, stable while the file is.
        const testCaseId = `${uri}:${line}`;
        const key = identityKey(testCaseId, []);
        const { status, details } = scenarioStatus(read);
        const durationTotal = [...read.steps, ...read.setup, ...read.teardown].reduce((n, s) => n + s.durationMs, 0);
        results.push({
          key,
          slug: resultSlug(name, key),
          uuid: `${path.basename(file)}#${results.length + 1}`,
          file: shown,
          shard: ctx.shard,
          name,
          fullName: `${uri}#${written}`,
          historyId: '',
          testCaseId,
          allureId: '',
          titlePath: [uri, featureName].filter(Boolean),
          status,
          statusDetails: details,
          stage: 'finished',
          description: str(element.description).trim(),
          descriptionHtml: '',
          start: 0,
          stop: durationTotal,
          durationMs: durationTotal,
          labels,
          links: [],
          parameters: [],
          attachments: read.attachments,
          steps: read.steps,
          setup: read.setup,
          teardown: read.teardown,
          retries: [],
          flaky: false,
        });
      }
    }
    if (results.length === 0) ctx.diagnostics.report({ severity: 'info', code: 'cucumber/empty', message: 'a Cucumber JSON report with no scenario', file: shown, rejected: false });
    return results;
  },
};

