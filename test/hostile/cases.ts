// Deliberate hostile and unusual input, made by script (no real adapter writes
// these): one maker per finding of the reliability probe (issue 13). Each
// writes into a folder and returns what the test needs to know about it.
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shortHash } from '../../generator/model/identity.ts';

/** A secret outside every input folder: it must never reach the site, a message or a log. */
export const SECRET = 'HOSTILE-SECRET-7f1e9c-do-not-publish';

export function result(uuid: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid,
    name: `hostile test ${uuid}`,
    fullName: `hostile.spec.ts#hostile test ${uuid}`,
    historyId: uuid,
    status: 'passed',
    stage: 'finished',
    start: 1_767_000_000_000,
    stop: 1_767_000_000_050,
    labels: [{ name: 'feature', value: 'Hostile' }],
    ...fields,
  };
}

const json = (file: string, data: unknown) => writeFile(file, JSON.stringify(data));

/** A results folder with one ordinary passing test, so a build has something to build. */
export async function calmResults(dir: string): Promise<string> {
  const results = path.join(dir, 'allure-results');
  await mkdir(results, { recursive: true });
  await json(path.join(results, 'calm-result.json'), result('calm', { name: 'a calm test' }));
  return results;
}

/** Finding 5: every kind of results file, and the other inputs, as links to files outside their folders. */
export async function linksOut(dir: string): Promise<{ results: string; cases: string; defects: string; templates: string; requirements: string }> {
  const results = await calmResults(dir);
  const outside = path.join(dir, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'secret.properties'), `token=${SECRET}\n`);
  await json(path.join(outside, 'secret-result.json'), result('leaked', { name: `leaked ${SECRET}` }));
  await json(path.join(outside, 'secret.json'), [{ name: SECRET, matchedStatuses: ['failed'] }]);
  await writeFile(path.join(outside, 'secret.md'), `---\nid: LEAK-1\ntitle: ${SECRET}\n---\n${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.hbs'), `{{! ${SECRET} }}${SECRET}`);
  await writeFile(path.join(outside, 'secret.csv'), `id,title\nREQ-1,${SECRET}\n`);
  await symlink(path.join(outside, 'secret.properties'), path.join(results, 'environment.properties'));
  await symlink(path.join(outside, 'secret-result.json'), path.join(results, 'linked-result.json'));
  await symlink(path.join(outside, 'secret.json'), path.join(results, 'categories.json'));
  await symlink(path.join(outside, 'secret.json'), path.join(results, 'executor.json'));
  await symlink(path.join(outside, 'secret.json'), path.join(results, 'linked-container.json'));
  const cases = path.join(dir, 'cases');
  const defects = path.join(dir, 'defects');
  const templates = path.join(dir, 'templates');
  await mkdir(cases);
  await mkdir(defects);
  await mkdir(templates);
  await symlink(path.join(outside, 'secret.md'), path.join(cases, 'linked.md'));
  await symlink(path.join(outside, 'secret.md'), path.join(defects, 'linked.md'));
  await symlink(path.join(outside, 'secret.hbs'), path.join(templates, 'overview.md.hbs'));
  await mkdir(path.join(dir, 'req'));
  const requirements = path.join(dir, 'req', 'requirements.csv');
  await symlink(path.join(outside, 'secret.csv'), requirements);
  return { results, cases, defects, templates, requirements };
}

/** Finding 6: attachments whose endings would run script in the site's origin, and two that could meet on one name. */
export const ACTIVE_EXTENSIONS = ['html', 'shtml', 'xht', 'xhtm', 'xhtml', 'svg', 'svgz', 'xml', 'xsl', 'xsd', 'php', 'htaccess', 'rdf', 'rss', 'atom', 'mml', 'js'];

export async function activeAttachments(dir: string): Promise<string> {
  const results = await calmResults(dir);
  const attachments = [];
  for (const ext of ACTIVE_EXTENSIONS) {
    const source = `active-attachment.${ext}`;
    await writeFile(path.join(results, source), `<script>alert("${ext}")</script>`);
    attachments.push({ name: source, source, type: 'text/plain' });
  }
  // `a.html` is served renamed; a real `a.html.txt` beside it must not be overwritten by it.
  await writeFile(path.join(results, 'meet.html'), 'the html one');
  await writeFile(path.join(results, 'meet.html.txt'), 'the txt one');
  attachments.push({ name: 'meet html', source: 'meet.html', type: 'text/html' }, { name: 'meet txt', source: 'meet.html.txt', type: 'text/plain' });
  await json(path.join(results, 'active-result.json'), result('active', { attachments }));
  return results;
}

/** Finding 7: a test name and a message that would write GitHub workflow commands of their own. */
export const INJECTED = '::error title=forged::forged annotation';

export async function logInjection(dir: string): Promise<string> {
  const results = await calmResults(dir);
  await json(path.join(results, 'inject-result.json'), result('inject', { name: `innocent\n${INJECTED}\r\n${INJECTED}`, status: 'failed', statusDetails: { message: `boom\n${INJECTED}` } }));
  // A rejected file whose name carries a line break of its own.
  await writeFile(path.join(results, `bad\n${INJECTED}-result.json`), '{not json');
  return results;
}

/** Finding 8: FIFOs and devices where files should be, an attachment that is a folder, beside a valid result. */
export async function specialFiles(dir: string): Promise<string> {
  const results = await calmResults(dir);
  execFileSync('mkfifo', [path.join(results, 'fifo-result.json'), path.join(results, 'environment.properties'), path.join(dir, 'fifo')]);
  await symlink('/dev/zero', path.join(results, 'zero-result.json'));
  await symlink(path.join(dir, 'fifo'), path.join(results, 'fifo-attachment.txt'));
  await mkdir(path.join(results, 'folder-attachment.txt'));
  await json(path.join(results, 'special-result.json'), result('special', {
    attachments: [
      { name: 'fifo', source: 'fifo-attachment.txt', type: 'text/plain' },
      { name: 'folder', source: 'folder-attachment.txt', type: 'text/plain' },
    ],
  }));
  return results;
}

/** Finding 9: regexes and globs that backtrack without end, from a defect file, categories.json and a case. */
// Temporary paths, each followed by `(`: a suggestion of `\S+\(` per path backtracks O(n^k).
export const NESTED_PATHS_MESSAGE = Array.from({ length: 200 }, (_, i) => `/tmp/${'abcdefgh'[i % 8]}(`).join('');
/** Almost the message: one `(` short of what the suggestion needs, so a backtracking engine tries every split. */
export const NEAR_MISS = `${'/tmp/a('.repeat(39)}${'z'.repeat(40)}`;

export async function backtracking(dir: string): Promise<{ results: string; cases: string; defects: string }> {
  const results = await calmResults(dir);
  const message = `${'a'.repeat(41)}!`;
  await json(path.join(results, 'redos-result.json'), result('redos', { status: 'failed', statusDetails: { message } }));
  // No user regex at all: the suggestion for this group is Casebook's own.
  await json(path.join(results, 'paths-result.json'), result('paths', { status: 'broken', statusDetails: { message: NESTED_PATHS_MESSAGE } }));
  await json(path.join(results, 'long-result.json'), result('long', { fullName: `${'a'.repeat(2000)}`, name: 'a long full name' }));
  await json(path.join(results, 'categories.json'), [{ name: 'Evil category', messageRegex: '(a+)+$', matchedStatuses: ['failed'] }]);
  const defects = path.join(dir, 'defects');
  await mkdir(defects);
  await writeFile(path.join(defects, 'redos.md'), '---\nid: REDOS-1\ntitle: Backtracks\nkind: product\nmatch:\n  message: "(a+)+$"\n---\nExplains nothing.\n');
  const cases = path.join(dir, 'cases');
  await mkdir(cases);
  await writeFile(path.join(cases, 'glob.md'), '---\nid: GLOB-1\ntitle: A glob that backtracks\nautomation:\n  fullName: "*a*a*a*a*?Z"\n---\n## Steps\n1. Run it\n');
  return { results, cases, defects };
}

/** Finding 10: steps nested `depth` levels deep. */
export async function deepSteps(dir: string, depth: number): Promise<string> {
  const results = await calmResults(dir);
  // Written as text: JSON.stringify itself recurses, and gives up long before 20,000 levels.
  const open = Array.from({ length: depth - 1 }, (_, i) => `[{"name":"level ${i + 1}","status":"failed","steps":`).join('');
  const steps = `${open}[{"name":"the deepest step","status":"failed","statusDetails":{"message":"at the bottom"}}]${'}]'.repeat(depth - 1)}`;
  const text = JSON.stringify(result('deep', { status: 'failed', steps: '@STEPS@' })).replace('"@STEPS@"', steps);
  await writeFile(path.join(results, 'deep-result.json'), text);
  return results;
}

/** Finding 11: a defect file whose YAML aliases expand a billion times. */
export async function aliasBomb(dir: string): Promise<{ results: string; defects: string }> {
  const results = await calmResults(dir);
  const defects = path.join(dir, 'defects');
  await mkdir(defects);
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
  await writeFile(path.join(defects, 'bomb.md'), `---\nid: BOMB-1\ntitle: Laughs\nkind: test\n${lines.join('\n')}\n---\nBoom.\n`);
  await writeFile(path.join(defects, 'fine.md'), '---\nid: FINE-1\ntitle: A fine defect\nkind: test\nmatch:\n  message: "never .*"\n---\nFine.\n');
  return { results, defects };
}

/** Two full names whose slugs meet: the same test name, and the same 8-hex hash of different keys. */
export function collidingKeys(): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const key = `collide.spec.ts#same name ${i}`;
    const hash = shortHash(key, 8);
    const earlier = seen.get(hash);
    if (earlier) return [earlier, key];
    seen.set(hash, key);
  }
}

/** Finding 12: page paths that meet: colliding slug hashes, a feature named Index, features and defects whose slugs meet. */
export async function meetingPaths(dir: string): Promise<{ results: string; defects: string; keys: [string, string] }> {
  const results = await calmResults(dir);
  const keys = collidingKeys();
  for (const [i, fullName] of keys.entries()) await json(path.join(results, `collide${i}-result.json`), result(`collide${i}`, { name: 'same name', fullName }));
  await json(path.join(results, 'index-result.json'), result('index', { labels: [{ name: 'feature', value: 'Index' }] }));
  await json(path.join(results, 'meet1-result.json'), result('meet1', { labels: [{ name: 'feature', value: 'Log in' }] }));
  await json(path.join(results, 'meet2-result.json'), result('meet2', { labels: [{ name: 'feature', value: 'Log-in' }] }));
  await json(path.join(results, 'meet3-result.json'), result('meet3', { labels: [{ name: 'feature', value: 'log in!' }] }));
  const defects = path.join(dir, 'defects');
  await mkdir(defects);
  for (const [i, id] of ['index', 'DEF 1', 'def-1'].entries()) {
    await writeFile(path.join(defects, `d${i}.md`), `---\nid: ${id}\ntitle: Defect ${i}\nkind: test\nmatch:\n  message: "never ${i}"\n---\nBody ${i}.\n`);
  }
  return { results, defects, keys };
}

/** Finding 13: a sparse attachment far larger than the bytes it takes on disk. */
export async function sparseAttachment(dir: string, bytes: number): Promise<string> {
  const results = await calmResults(dir);
  execFileSync('truncate', ['-s', String(bytes), path.join(results, 'sparse-attachment.bin')]);
  await writeFile(path.join(results, 'small-attachment.txt'), 'small\n');
  await json(path.join(results, 'sparse-result.json'), result('sparse', {
    attachments: [
      { name: 'sparse', source: 'sparse-attachment.bin', type: 'application/octet-stream' },
      { name: 'small', source: 'small-attachment.txt', type: 'text/plain' },
    ],
  }));
  return results;
}
