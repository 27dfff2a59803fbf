// The subset of Allure's result format that allure-js adapters write, as they write it.

export type Status = 'passed' | 'failed' | 'broken' | 'skipped';

export interface StatusDetails {
  message?: string;
  trace?: string;
  actual?: string;
  expected?: string;
}

export interface Parameter {
  name: string;
  value: string;
  excluded?: boolean;
  mode?: 'hidden' | 'masked';
}

export interface Attachment {
  name: string;
  source: string;
  type: string;
}

export interface Label {
  name: string;
  value: string;
}

export interface Link {
  url: string;
  type: string;
  name: string;
}

export interface StepResult {
  status?: Status;
  statusDetails?: StatusDetails;
  stage?: 'finished';
  steps: StepResult[];
  attachments: Attachment[];
  parameters?: Parameter[];
  start: number;
  name: string;
  stop: number;
}

export interface TestResult {
  uuid: string;
  name: string;
  historyId: string;
  status: Status;
  statusDetails: StatusDetails;
  stage: 'finished';
  description?: string;
  steps: StepResult[];
  attachments: Attachment[];
  parameters: Parameter[];
  labels: Label[];
  links: Link[];
  start: number;
  fullName: string;
  testCaseId: string;
  titlePath: string[];
  stop: number;
}

export interface FixtureResult {
  status: Status;
  statusDetails: StatusDetails;
  stage: 'finished';
  steps: StepResult[];
  attachments: Attachment[];
  parameters: Parameter[];
  start: number;
  name: string;
  stop: number;
}

export interface TestResultContainer {
  uuid: string;
  name: string;
  children: string[];
  befores: FixtureResult[];
  afters: FixtureResult[];
}
