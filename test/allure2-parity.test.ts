// summary.json must count what Allure Report 2 counts on the same results.
// test/fixtures/generate.mjs ran Allure 2 on each adapter's results and
// recorded its statistic in expected/allure2.json.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { generate } from '../generator/generate.ts';
import { tempDir } from './support/site.ts';

const ADAPTERS = ['vitest', 'jest', 'mocha', 'cucumber'];

describe.each(ADAPTERS)('results written by allure-%s', (adapter) => {
  it('are counted as Allure Report 2 counts them', async () => {
    const fixture = path.join('test/fixtures', adapter);
    const expected = JSON.parse(await readFile(path.join(fixture, 'expected/allure2.json'), 'utf8'));
    const dir = await tempDir(`parity-${adapter}`);
    const config = await loadConfig({ cwd: dir, overrides: { results: [path.resolve(fixture, 'allure-results')], content: path.join(dir, 'content') } });
    const { summary } = await generate(config);
    const { total, passed, failed, broken, skipped, unknown } = summary.run;
    expect({ total, passed, failed, broken, skipped, unknown }).toEqual(expected.statistic);
    expect(summary.rejected).toEqual([]);
  });
});
