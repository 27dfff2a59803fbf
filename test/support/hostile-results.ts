// Deliberate edge cases, written by hand: hostile and malformed input that no
// real adapter would produce. Everything else in test/fixtures comes from real adapters.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const HOSTILE = {
  name: '<script>alert("name")</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>',
  message: '<script>alert("message")</script> **bold** [x](javascript:alert(3))',
  trace: 'Error: boom\n```\n</code></pre><script>alert("trace")</script>\n```\n    at evil (file.js:1:1)',
  parameterName: '{{constructor.constructor}}',
  parameterValue: '<img src=x onerror=alert(4)>',
  description: '<script>alert("description")</script>\n\n[link](javascript:alert(5)) and ![img](javascript:alert(6)) and [fine](https://example.org/ok)',
  descriptionHtml:
    '<p onclick="alert(7)">Kept <b>bold</b><script>alert(8)</script><a href="javascript:alert(9)">bad link</a> <a href="https://example.org/good">good link</a><img src="x" onerror="alert(10)"></p>' +
    // The marker of content a search page leaves out (contract/search.ts): a description must not hide its own words from search.
    '<!--casebook:unindexed--><p>Searchable despite the marker</p><!--/casebook:unindexed-->',
  owner: '<b onmouseover=alert(11)>mallory</b>',
  tag: '"><script>alert(12)</script>',
  htmlAttachment: '<h1>report</h1><script>alert("attachment")</script>',
  attachmentName: '<svg onload=alert(13)>.html',
  environment: '<script>alert("env")</script>',
};

/** Writes a results folder full of hostile and malformed files; returns its path. */
export async function writeHostileResults(dir: string): Promise<string> {
  const results = path.join(dir, 'allure-results');
  await mkdir(results, { recursive: true });
  const write = (name: string, data: unknown) => writeFile(path.join(results, name), typeof data === 'string' ? data : JSON.stringify(data));
  await write('hostile-attachment.html', HOSTILE.htmlAttachment);
  await write('ok-attachment.txt', 'plain log line\n<script>alert("text attachment")</script>\n');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the results folder');
  await symlink(path.join(dir, 'secret.txt'), path.join(results, 'link-out.txt'));
  await write('a1-result.json', {
    uuid: 'a1',
    name: HOSTILE.name,
    fullName: 'hostile.spec.ts#hostile test',
    historyId: 'h1',
    status: 'failed',
    stage: 'finished',
    statusDetails: { message: HOSTILE.message, trace: HOSTILE.trace },
    description: HOSTILE.description,
    descriptionHtml: HOSTILE.descriptionHtml,
    start: 1000,
    stop: 2000,
    labels: [
      { name: 'feature', value: 'Security' },
      { name: 'owner', value: HOSTILE.owner },
      { name: 'tag', value: HOSTILE.tag },
    ],
    links: [
      { name: 'evil', url: 'javascript:alert(14)', type: 'issue' },
      { name: 'data', url: 'data:text/html,<script>alert(15)</script>', type: 'link' },
      { name: 'good', url: 'https://example.org/issue/1', type: 'issue' },
    ],
    parameters: [
      { name: HOSTILE.parameterName, value: HOSTILE.parameterValue },
      { name: 'password', value: 'hunter2-secret', mode: 'masked' },
      { name: 'token', value: 'hidden-token-value', mode: 'hidden' },
    ],
    attachments: [
      { name: HOSTILE.attachmentName, source: 'hostile-attachment.html', type: 'text/html' },
      { name: 'log.txt', source: 'ok-attachment.txt', type: 'text/plain' },
      { name: 'escape', source: '../../../../etc/passwd', type: 'text/plain' },
      { name: 'absolute', source: '/etc/passwd', type: 'text/plain' },
      { name: 'linked', source: 'link-out.txt', type: 'text/plain' },
      { name: 'missing', source: 'does-not-exist.txt', type: 'text/plain' },
    ],
    steps: [{ name: `step ${HOSTILE.name}`, status: 'failed', start: 1000, stop: 1500, statusDetails: { message: HOSTILE.message }, steps: [] }],
  });
  await write('a2-result.json', {
    uuid: 'a2',
    name: 'a calm test',
    fullName: 'hostile.spec.ts#a calm test',
    status: 'passed',
    start: 1000,
    stop: 1100,
    labels: [{ name: 'feature', value: 'Security' }],
  });
  await write('broken-json-result.json', '{"uuid": "x", "name": "cut off", "status": "pass');
  await write('empty-result.json', '');
  await write('no-name-result.json', { uuid: 'n', status: 'passed' });
  await write('array-result.json', [1, 2, 3]);
  await write('bad-status-result.json', { uuid: 'b', name: 'odd status', fullName: 'odd', status: 'exploded', start: 1, stop: 2 });
  await write('garbage-container.json', 'not json at all');
  // A folder named like a result file: it cannot be read as one.
  await mkdir(path.join(results, 'folder-result.json'));
  await write('executor.json', { name: 'CI', buildName: '#1', buildUrl: 'javascript:alert(16)' });
  await write('environment.properties', `Browser=${HOSTILE.environment}\n`);
  return results;
}
