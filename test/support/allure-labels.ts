// Dogfood: Casebook's own tests write Allure results, and `npm run docs`
// builds Casebook's living documentation from them. This puts each test in
// the epic > feature > story tree by the file and describe block it is in.
import * as allure from 'allure-js-commons';
import { beforeEach } from 'vitest';

const FEATURES: Record<string, string> = {
  'read.test.ts': 'Reading Allure results',
  'tree.test.ts': 'Feature tree',
  'render.test.ts': 'Rendering pages',
  'security.test.ts': 'Hostile and malformed input',
  'allure2-parity.test.ts': 'Counts equal to Allure Report 2',
  'cli.test.ts': 'Command line',
  'site.test.ts': 'The site in a browser',
  'build.test.ts': 'Building the site',
  'api.test.ts': 'Public API',
  'cases.test.ts': 'Written test cases and coverage',
  'scaffold.test.ts': 'Scaffolding tests from cases',
  'defects.test.ts': 'Known defects and triage',
  'check.test.ts': 'Quality gate (casebook check)',
};

beforeEach(async (context) => {
  const file = context.task.file.name.split('/').pop() ?? '';
  await allure.epic('Casebook');
  await allure.feature(FEATURES[file] ?? file.replace(/\.test\.ts$/, ''));
  const story = context.task.suite?.name;
  if (story) await allure.story(story);
});
