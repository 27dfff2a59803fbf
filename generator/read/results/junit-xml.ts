// JUnit XML (`*.xml` in a results folder whose root is <testsuites> or
// <testsuite>): Maven Surefire and Gradle, jest-junit, mocha-junit-reporter,
// Vitest's junit reporter, pytest, gotestsum, node:test. Each <testcase> is
// one result, mapped as Allure 2's JUnit plugin maps it (so the counts are
// Allure's): name; fullName `classname.name`; labels suite (the suite, else
// the class), host, testClass and package; the test case's <properties> as
// parameters; <failure> failed, else <error> broken, else <skipped> skipped.
// Beyond Allure 2: nested suites and test cases outside any suite are read,
// not dropped; Surefire's rerun*/flaky* elements become earlier attempts;
// <system-out>/<system-err> become text attachments; `time` may carry
// thousands separators. XML of any other root (an attachment) is not a test
// report and is left alone.
import path from 'node:path';
import { Parser } from 'htmlparser2';
import type { Attachment, Label, Parameter, Result, Status, StatusDetails } from '../../model/types.ts';
import { identityKey, resultSlug, shortHash } from '../../model/identity.ts';
import { TEXT_PREVIEW_BYTES } from './attachment.ts';
import type { FileReader, ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

interface Suite {
  name: string;
  hostname: string;
  timestamp: number;
}

/** A <testcase> while it is parsed. */
interface OpenCase {
  attrs: Record<string, string>;
  suites: Suite[];
  properties: Parameter[];
  /** failure, error, skipped, and the rerun and flaky elements, in document order. */
  outcomes: { kind: string; message: string; text: string }[];
  out: string;
  err: string;
}

const OUTCOMES = new Set(['failure', 'error', 'skipped', 'rerunfailure', 'rerunerror', 'flakyfailure', 'flakyerror']);
const RERUN: Record<string, Status> = { rerunfailure: 'failed', rerunerror: 'broken', flakyfailure: 'failed', flakyerror: 'broken' };

/** The root element's name, or '' when the text is not XML with a root. */
export function xmlRootOf(text: string): string {
  const m = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(text.slice(0, 4096));
  return m ? m[1]! : '';
}

/** Seconds as JUnit writers write them ("0.25", "1,234.5", "0,5") → milliseconds; NaN when unreadable. */
export function junitSeconds(value: string | undefined): number {
  if (!value) return NaN;
  let text = value.trim();
  // 1,234.5 or 1,234: commas before three digits group thousands; a lone comma is a decimal comma.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(text)) text = text.replace(',', '.');
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : NaN;
}

function timestampOf(value: string | undefined): number {
  if (!value) return 0;
  // ISO 8601 without a zone is local time, as Allure 2 reads it.
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : 0;
}

function statusOf(c: OpenCase): { status: Status; details: StatusDetails } {
  const first = (kind: string) => c.outcomes.find((o) => o.kind === kind);
  const found = first('failure') ? { status: 'failed' as const, o: first('failure')! } : first('error') ? { status: 'broken' as const, o: first('error')! } : first('skipped') ? { status: 'skipped' as const, o: first('skipped')! } : undefined;
  if (!found) return { status: c.attrs.status === 'notrun' ? 'skipped' : 'passed', details: { message: '', trace: '', known: false, muted: false, flaky: false } };
  return { status: found.status, details: { message: found.o.message, trace: found.o.text.trim(), known: false, muted: false, flaky: false } };
}

export const junitXmlReader: FileReader<Result[]> = {
  name: 'junit-xml',
  matches: (fileName) => fileName.toLowerCase().endsWith('.xml'),
  async read(file, ctx) {
    const text = await ctx.readText(file);
    const root = xmlRootOf(text);
    if (root !== 'testsuites' && root !== 'testsuite') return undefined;
    const shown = displayPath(ctx, path.basename(file));
    const results: Result[] = [];
    const suites: Suite[] = [];
    let open: OpenCase | undefined;
    let textTarget: { append(t: string): void } | undefined;
    let inOutcome = false;
    let ending = false;
    let propertiesOfCase = false;
    const seenNames = new Map<string, number>();
    const parser = new Parser(
      {
        onopentag(rawName, attrs) {
          const name = rawName.toLowerCase();
          if (name === 'testsuite') suites.push({ name: attrs.name ?? '', hostname: attrs.hostname ?? '', timestamp: timestampOf(attrs.timestamp) });
          else if (name === 'testcase') open = { attrs, suites: [...suites], properties: [], outcomes: [], out: '', err: '' };
          else if (open && name === 'properties') propertiesOfCase = true;
          else if (open && propertiesOfCase && name === 'property') open.properties.push({ name: attrs.name ?? '', value: attrs.value ?? '', excluded: false, mode: 'default' });
          else if (open && OUTCOMES.has(name)) {
            const outcome = { kind: name, message: attrs.message ?? '', text: '' };
            open.outcomes.push(outcome);
            inOutcome = true;
            // Its text, and that of a Surefire <stackTrace> inside it, is the trace.
            textTarget = { append: (t) => (outcome.text += t) };
          } else if (open && !inOutcome && (name === 'system-out' || name === 'system-err')) {
            // A rerun's own output (inside its <flakyFailure>) is not the test case's.
            const which = name === 'system-out' ? 'out' : 'err';
            const target = open;
            textTarget = { append: (t) => (target[which] += t) };
          }
        },
        ontext(t) {
          textTarget?.append(t);
        },
        onclosetag(rawName) {
          const name = rawName.toLowerCase();
          // Closed by the end of the text, not by a tag: a case cut off is not read.
          if (ending && name === 'testcase') open = undefined;
          if (name === 'testsuite') suites.pop();
          else if (name === 'properties') propertiesOfCase = false;
          else if (name === 'testcase' && open) {
            results.push(...toResults(open, results.length, shown, ctx, seenNames));
            open = undefined;
          }
          if (OUTCOMES.has(name)) {
            inOutcome = false;
            textTarget = undefined;
          } else if (!inOutcome && (name === 'system-out' || name === 'system-err')) textTarget = undefined;
        },
      },
      { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
    );
    parser.write(text);
    ending = true;
    parser.end();
    // A whole report ends with its root's closing tag (and perhaps comments, as node:test writes).
    const whole = new RegExp(`</${root}>\\s*(?:<!--[\\s\\S]*?-->\\s*)*$`).test(text);
    if (!whole) {
      ctx.diagnostics.report({ severity: 'warning', code: 'junit/truncated', message: `the file ends inside an element (was it cut off while being written?); the ${results.length} test case(s) before that were read`, file: shown, rejected: false });
    }
    if (results.length === 0) ctx.diagnostics.report({ severity: 'info', code: 'junit/empty', message: 'a JUnit XML report with no test case', file: shown, rejected: false });
    return results;
  },
};

function textAttachment(name: string, content: string, ctx: ShardContext, source: string): Attachment {
  const bytes = Buffer.byteLength(content);
  return { name, source, path: '', content, href: `attachments/${ctx.shard}/${source}`, contentType: 'text/plain', sizeBytes: bytes, preview: 'text', text: content.slice(0, TEXT_PREVIEW_BYTES), truncated: content.length > TEXT_PREVIEW_BYTES };
}

/** One <testcase> → its result, and its earlier attempts (Surefire's reruns) before it. */
function toResults(c: OpenCase, index: number, shown: string, ctx: ShardContext, seenNames: Map<string, number>): Result[] {
  const { intern } = ctx;
  const suite = c.suites.at(-1);
  const classname = c.attrs.classname ?? c.attrs.class ?? '';
  const name = c.attrs.name || 'Unknown test case';
  const fullName = classname && c.attrs.name ? `${classname}.${c.attrs.name}` : '';
  const labels: Label[] = [];
  const label = (n: string, v: string | undefined) => v && labels.push({ name: n, value: intern(v) });
  if (c.suites.length > 1) label('parentSuite', c.suites[0]!.name);
  label('suite', suite?.name || classname);
  label('host', suite?.hostname);
  label('testClass', classname);
  label('package', classname);
  label('resultFormat', 'junit');
  if (c.attrs.file) label('file', c.attrs.line ? `${c.attrs.file}:${c.attrs.line}` : c.attrs.file);
  // Allure 2 has no identity for a case without a class: each stays a result of its own.
  const ordinal = (seenNames.get(name) ?? 0) + 1;
  seenNames.set(name, ordinal);
  const key = identityKey(fullName || `${path.basename(shown)}#${name}#${ordinal}`, c.properties);
  const durationMs = junitSeconds(c.attrs.time);
  const start = suite?.timestamp ?? 0;
  const duration = Number.isFinite(durationMs) ? durationMs : 0;
  const uuid = `${path.basename(shown)}#${index + 1}`;
  const { status, details } = statusOf(c);
  const attachments: Attachment[] = [];
  // Named by a hash of the case's place: file names of any spelling give plain, distinct names.
  const stem = `junit-${shortHash(`${shown}#${index}`, 16)}`;
  if (c.out.trim()) attachments.push(textAttachment('System out', c.out, ctx, `${stem}-system-out.txt`));
  if (c.err.trim()) attachments.push(textAttachment('System err', c.err, ctx, `${stem}-system-err.txt`));
  const base: Omit<Result, 'uuid' | 'status' | 'statusDetails' | 'start' | 'stop' | 'durationMs' | 'attachments'> = {
    key,
    slug: resultSlug(name, key),
    file: shown,
    shard: ctx.shard,
    name,
    fullName,
    historyId: '',
    testCaseId: '',
    allureId: '',
    titlePath: c.suites.map((s) => s.name).filter(Boolean),
    stage: 'finished',
    description: '',
    descriptionHtml: '',
    labels,
    links: [],
    parameters: c.properties,
    steps: [],
    setup: [],
    teardown: [],
    retries: [],
    flaky: false,
  };
  const reruns = c.outcomes.filter((o) => RERUN[o.kind]);
  // Earlier attempts end before the final one: they sort before it in collapseRetries.
  const attempts: Result[] = reruns.map((o, i) => ({
    ...base,
    uuid: `${uuid}/attempt-${i + 1}`,
    status: RERUN[o.kind]!,
    statusDetails: { message: o.message, trace: o.text.trim(), known: false, muted: false, flaky: false },
    start,
    stop: start - (reruns.length - i),
    durationMs: 0,
    attachments: [],
  }));
  return [...attempts, { ...base, uuid, status, statusDetails: details, start, stop: start + duration, durationMs: duration, attachments }];
}
