// One run of a test file: result files (with retried attempts), attachments and the
// fixture containers, shaped exactly as allure-js writes them.

import type {
  Attachment, FixtureResult, Label, Link, Parameter, Status, StatusDetails, StepResult, TestResult, TestResultContainer,
} from './allure-types.ts';
import type { ErrorInstance, ErrorSignature, FailureStatus } from './errors.ts';
import type { Random } from './random.ts';
import type { StepOutline, TestDefinition, TestFile } from './suite.ts';
import { allureJsHistoryId } from './suite.ts';

export interface OutputFile {
  name: string;
  content: string;
}

export interface RunContext {
  r: Random;
  host: string;
  pid: number;
  /** Chooses the error of a failure, given the status and the epic (errors cluster by area). */
  pickError(status: FailureStatus, epicSlug: string): ErrorSignature;
  /** Called once per result written, with the signature of its failure if it failed. */
  onResult(status: Status, signature: ErrorSignature | undefined, attempts: number): void;
}

export interface FileRun {
  files: OutputFile[];
  /** Wall-clock end of the file's run on its worker. */
  end: number;
}

const containerSize = 20;
const shares = { skipped: 0.03, broken: 0.02, failed: 0.12, retried: 0.036 };

export function runTestFile(ctx: RunContext, file: TestFile, worker: number, start: number): FileRun {
  const { r } = ctx;
  const files: OutputFile[] = [];
  const thread = file.framework.framework === 'mocha' ? `pid-${ctx.pid}-worker-${worker}` : `${ctx.pid + worker}-${worker}`;
  let clock = start + r.int(5, 40);
  let chunk: string[] = [];
  let chunkStart = clock;
  const flushContainer = (): void => {
    if (chunk.length === 0) return;
    files.push(container(r, file, chunk, chunkStart, clock));
    chunk = [];
  };
  for (const test of file.tests) {
    for (const parameters of test.parameterSets) {
      if (chunk.length >= containerSize) {
        flushContainer();
        chunkStart = clock;
      }
      const roll = r.next();
      const status: Status = roll < shares.skipped ? 'skipped'
        : roll < shares.skipped + shares.broken ? 'broken'
        : roll < shares.skipped + shares.broken + shares.failed ? 'failed' : 'passed';
      const failedAttempts = status === 'passed' && r.chance(shares.retried) ? (r.chance(0.8) ? 1 : 2) : 0;
      for (let attempt = 0; attempt < failedAttempts; attempt++) {
        const run = runTest(ctx, file, test, parameters, 'failed', thread, clock, files);
        chunk.push(run.uuid);
        clock = run.stop + r.int(50, 400);
      }
      const run = runTest(ctx, file, test, parameters, status, thread, clock, files);
      chunk.push(run.uuid);
      ctx.onResult(status, run.signature, failedAttempts + 1);
      clock = run.stop + r.int(1, 30);
    }
  }
  flushContainer();
  return { files, end: clock };
}

interface TestRun {
  uuid: string;
  stop: number;
  signature: ErrorSignature | undefined;
}

function runTest(
  ctx: RunContext, file: TestFile, test: TestDefinition, parameters: Parameter[], status: Status,
  thread: string, start: number, files: OutputFile[],
): TestRun {
  const { r } = ctx;
  const uuid = r.uuid();
  let signature: ErrorSignature | undefined;
  let details: StatusDetails = {};
  if (status === 'failed' || status === 'broken') {
    signature = ctx.pickError(status, file.story.epicSlug);
    details = errorDetails(signature.make(r, { api: file.story.api, epicSlug: file.story.epicSlug }), file, r);
  } else if (status === 'skipped' && r.chance(0.5)) {
    details = { message: r.pick([`Blocked by SHOP-${r.int(1000, 4999)}`, 'Not supported on this platform', 'Feature flag off in staging']) };
  }
  const attachments: Attachment[] = [];
  const withAttachment = status !== 'skipped' && r.chance(status === 'passed' ? 0.08 : 0.25);
  let steps: StepResult[] = [];
  let clock = start + r.int(1, 15);
  if (status !== 'skipped') {
    const failAt = status === 'passed' ? -1 : r.int(Math.floor(test.steps.length / 2), test.steps.length - 1);
    const outline = failAt < 0 ? test.steps : test.steps.slice(0, failAt + 1);
    steps = outline.map((o, i) => {
      const step = runStep(r, o, clock, i === failAt ? { status: status as FailureStatus, details } : undefined);
      clock = step.stop + r.int(0, 5);
      return step;
    });
    if (withAttachment) {
      const attachment = writeAttachment(r, files, status);
      const holder = steps[steps.length - 1];
      // allure-js puts `attachment()` calls made inside a step into a nameless-status wrapper step.
      if (holder && r.chance(0.5)) holder.steps.push({ name: attachment.name, attachments: [attachment], start: holder.stop, stop: holder.stop, steps: [] });
      else attachments.push(attachment);
    }
  }
  const stop = clock + r.int(1, 20);
  const result: TestResult = {
    uuid,
    name: test.name,
    historyId: allureJsHistoryId(test.testCaseId, parameters),
    status,
    statusDetails: details,
    stage: 'finished',
    ...(test.description ? { description: test.description } : {}),
    steps,
    attachments,
    parameters,
    labels: labels(ctx, file, test, thread),
    links: links(test),
    start,
    fullName: test.fullName,
    testCaseId: test.testCaseId,
    titlePath: test.titlePath,
    stop,
  };
  files.push({ name: `${uuid}-result.json`, content: JSON.stringify(result) });
  return { uuid, stop, signature };
}

interface Failure {
  status: FailureStatus;
  details: StatusDetails;
}

/** Runs a step; a failure propagates down its last child, as an exception thrown in it would. */
function runStep(r: Random, outline: StepOutline, start: number, failure: Failure | undefined): StepResult {
  let clock = start;
  const children = outline.children.map((child, i) => {
    const fails = failure && i === outline.children.length - 1 ? failure : undefined;
    const step = runStep(r, child, clock + r.int(0, 3), fails);
    clock = step.stop;
    return step;
  });
  const stop = (children.length ? clock : start + r.duration(40, 1.1)) + r.int(0, 4);
  return {
    status: failure ? failure.status : 'passed',
    statusDetails: failure ? failure.details : {},
    stage: 'finished',
    steps: children,
    attachments: [],
    parameters: outline.parameters,
    start,
    name: outline.name,
    stop,
  };
}

function errorDetails(error: ErrorInstance, file: TestFile, r: Random): StatusDetails {
  const line = r.int(12, 240);
  const testFrame = file.framework.style === 'mocha'
    ? `at Context.<anonymous> (${file.path}:${line}:${r.int(5, 40)})`
    : `at Object.<anonymous> (/builds/shop/${file.path}:${line}:${r.int(5, 40)})`;
  const pageObject = r.chance(0.5) ? [`at ${file.story.epicSlug.replace(/(^|-)./g, (m) => (m.at(-1) ?? '').toUpperCase())}Page.${r.pick(['submit', 'open', 'fill', 'expectTotal'])} (tests/support/pages/${file.story.epicSlug}-page.ts:${r.int(10, 300)}:${r.int(5, 30)})`] : [];
  const frames = [...error.libraryFrames, ...pageObject, testFrame, 'at process.processTicksAndRejections (node:internal/process/task_queues:105:5)'];
  const details: StatusDetails = { message: error.message, trace: `${error.errorClass}: ${error.message}\n${frames.map((f) => `    ${f}`).join('\n')}` };
  if (error.actual !== undefined) details.actual = error.actual;
  if (error.expected !== undefined) details.expected = error.expected;
  return details;
}

function writeAttachment(r: Random, files: OutputFile[], status: Status): Attachment {
  const uuid = r.uuid();
  if (status !== 'passed' || r.chance(0.5)) {
    const id = r.int(10000, 99999);
    const body = { id, status: r.pick(['pending', 'paid', 'shipped']), total: r.int(100, 99999) / 100, currency: r.pick(['EUR', 'USD']), lines: Array.from({ length: r.int(1, 4) }, () => ({ sku: `SKU-${r.int(1000, 9999)}`, qty: r.int(1, 5) })), requestId: r.uuid() };
    files.push({ name: `${uuid}-attachment.json`, content: JSON.stringify(body, null, 2) });
    return { name: 'response body', source: `${uuid}-attachment.json`, type: 'application/json' };
  }
  const lines = Array.from({ length: r.int(4, 9) }, (_, i) => `2026-01-01T09:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${String(r.int(0, 999)).padStart(3, '0')}Z ${r.pick(['INFO ', 'DEBUG', 'WARN '])} [req ${r.hex(8)}] step ${i + 1}: ${r.pick(['GET', 'POST'])} /api/v2/${r.pick(['cart', 'orders', 'users'])} -> ${r.pick([200, 200, 201, 304])} in ${r.int(3, 900)}ms`);
  files.push({ name: `${uuid}-attachment.txt`, content: `${lines.join('\n')}\n` });
  return { name: 'console log', source: `${uuid}-attachment.txt`, type: 'text/plain' };
}

function labels(ctx: RunContext, file: TestFile, test: TestDefinition, thread: string): Label[] {
  const { story } = file;
  const out: Label[] = [
    { name: 'language', value: 'javascript' },
    { name: 'framework', value: file.framework.framework },
    { name: 'host', value: ctx.host },
    { name: 'thread', value: thread },
    { name: 'package', value: file.path.replace(/\//g, '.') },
    { name: 'epic', value: story.epic },
    { name: 'feature', value: story.feature },
    { name: 'story', value: story.story },
    { name: 'owner', value: test.owner },
    { name: 'severity', value: test.severity },
    ...test.tags.map((value) => ({ name: 'tag', value })),
  ];
  if (test.caseLink === 'allure-id' && test.caseId) out.push({ name: 'ALLURE_ID', value: test.caseId });
  out.push({ name: 'parentSuite', value: story.epic }, { name: 'suite', value: story.feature }, { name: 'subSuite', value: file.describe });
  return out;
}

function links(test: TestDefinition): Link[] {
  const out: Link[] = [];
  if (test.issue) out.push({ url: `https://jira.example.test/browse/${test.issue}`, type: 'issue', name: test.issue });
  if (test.caseLink === 'tms' && test.caseId) out.push({ url: `https://tms.example.test/cases/${test.caseId}`, type: 'tms', name: test.caseId });
  return out;
}

function container(r: Random, file: TestFile, children: string[], start: number, stop: number): OutputFile {
  const uuid = r.uuid();
  const hook = (name: string, at: number): FixtureResult => {
    const duration = r.duration(120, 0.9);
    return { status: 'passed', statusDetails: {}, stage: 'finished', steps: [], attachments: [], parameters: [], start: at, name, stop: at + duration };
  };
  const mocha = file.framework.style === 'mocha';
  const befores = [hook(mocha ? '"before all" hook' : 'beforeAll', start - 200)];
  const afters = r.chance(0.5) ? [hook(mocha ? '"after all" hook' : 'afterAll', stop)] : [];
  const value: TestResultContainer = { uuid, name: mocha ? '"before all" hook' : file.describe, children, befores, afters };
  return { name: `${uuid}-container.json`, content: JSON.stringify(value) };
}
