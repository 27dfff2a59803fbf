// The public API is a promise to users: changing it should be a decision.
import { expect, it } from 'vitest';
import * as casebook from '../generator/index.ts';

it('exports exactly the documented functions', () => {
  expect(Object.keys(casebook).sort()).toEqual(
    ['CasebookError', 'FRAMEWORKS', 'build', 'check', 'configSchema', 'defineConfig', 'gateReport', 'generate', 'loadConfig', 'scaffold', 'silentLogger'].sort(),
  );
});
