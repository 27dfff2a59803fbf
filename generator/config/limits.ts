// Size caps per kind of input file (config `limits`): read/input-file.ts applies them.

/** Size caps per kind of input file, in bytes. */
export interface InputLimits {
  /** A `*-result.json`, `*-container.json` or other results file (JSON, JUnit XML). */
  resultFileBytes: number;
  /** One attachment; a larger one is left out with a diagnostic. */
  attachmentBytes: number;
  /** A written file: case, defect, requirements, template, categories, environment, executor. */
  textFileBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  resultFileBytes: 256 * 2 ** 20,
  attachmentBytes: 100 * 2 ** 20,
  textFileBytes: 16 * 2 ** 20,
};
