import { defineConfig } from 'vitest/config';

// Casebook's own test run writes Allure results (dogfood): `npm run docs`
// builds Casebook's living documentation from them.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    setupFiles: ['allure-vitest/setup', './test/support/allure-labels.ts', './test/support/temp-dirs.ts'],
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: 'allure-results' }], './test/support/closing-line-reporter.ts'],
  },
});
