// `*-result.json`: one attempt of one test, as every Allure adapter writes it.
import path from 'node:path';
import type { Label, Link, Result } from '../../model/types.ts';
import { identityKey, resultSlug } from '../../model/identity.ts';
import { sanitizeDescriptionHtml } from './description-html.ts';
import { readAttachments, readParameters, readStatus, readStatusDetails, readSteps, readTimes } from './allure-execution.ts';
import { readJsonFile } from './json-file.ts';
import { arr, isObject, objects, str, type RawObject } from '../raw.ts';
import type { FileReader, ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

function labelValue(labels: Label[], ...names: string[]): string {
  for (const name of names) {
    const label = labels.find((l) => l.name === name && l.value);
    if (label) return label.value;
  }
  return '';
}

export const allureResultReader: FileReader<Result> = {
  name: 'allure-result',
  matches: (fileName) => fileName.endsWith('-result.json'),
  async read(file, ctx) {
    const raw = await readJsonFile(file, ctx, 'result');
    if (raw === undefined) return undefined;
    const shown = displayPath(ctx, path.basename(file));
    if (!isObject(raw)) {
      reject(ctx, shown, 'result/not-an-object', 'expected a JSON object describing one test result');
      return undefined;
    }
    const written = str(raw.name).trim();
    // A test whose title came out empty (a test.each row, an unnamed scenario) is a test all the same.
    const name = written || shownNameOf(raw);
    if (!written) {
      ctx.diagnostics.report({ severity: 'warning', code: 'result/missing-name', message: `the test has no name; it is shown as "${name}"`, file: shown, rejected: false });
    }
    if (raw.status !== undefined && readStatus(raw.status) !== raw.status) {
      ctx.diagnostics.report({
        severity: 'warning',
        code: 'result/unknown-status',
        message: `status ${JSON.stringify(raw.status)} is not one of passed, failed, broken, skipped, unknown; counted as unknown`,
        file: shown,
        rejected: false,
      });
    }
    const { intern } = ctx;
    const labels: Label[] = objects(raw.labels).map((l) => ({ name: intern(str(l.name)), value: intern(str(l.value)) }));
    const links: Link[] = objects(raw.links).map((l) => ({ name: intern(str(l.name)), url: intern(str(l.url)), type: intern(str(l.type)) }));
    const parameters = readParameters(raw.parameters, intern);
    const fullName = str(raw.fullName);
    const testCaseId = str(raw.testCaseId);
    const allureId = labelValue(labels, 'ALLURE_ID', 'AS_ID');
    const key = identityKey(allureId ? `allure-id:${allureId}` : testCaseId || fullName || written || str(raw.historyId) || path.basename(file), parameters.identity);
    const descriptionHtml = str(raw.descriptionHtml);
    const attachments = await readAttachments(raw.attachments, ctx, file, name);
    return {
      key,
      slug: resultSlug(name, key),
      uuid: str(raw.uuid) || path.basename(file).replace(/-result\.json$/, ''),
      file: shown,
      shard: ctx.shard,
      name,
      fullName,
      historyId: str(raw.historyId),
      testCaseId,
      allureId,
      titlePath: arr(raw.titlePath).map((t) => str(t)),
      status: readStatus(raw.status),
      statusDetails: readStatusDetails(raw.statusDetails),
      stage: str(raw.stage),
      description: str(raw.description),
      descriptionHtml: descriptionHtml ? sanitizeDescriptionHtml(descriptionHtml) : '',
      ...readTimes(raw),
      labels,
      links,
      parameters: parameters.shown,
      attachments,
      steps: await readSteps(raw.steps, ctx, file, name, attachments),
      setup: [],
      teardown: [],
      retries: [],
      flaky: false,
    };
  },
};

/** A name for a test that has none: the end of its title path, else of its full name, else a placeholder. */
function shownNameOf(raw: RawObject): string {
  const titlePath = arr(raw.titlePath).map((t) => str(t).trim()).filter(Boolean);
  if (titlePath.length) return titlePath[titlePath.length - 1]!;
  const tail = str(raw.fullName).split(/[#>:]|\s›\s/).map((p) => p.trim()).filter(Boolean).pop();
  return tail || '(unnamed test)';
}

function reject(ctx: ShardContext, file: string, code: string, message: string): void {
  ctx.diagnostics.report({ severity: 'error', code, message, file, rejected: true });
}
