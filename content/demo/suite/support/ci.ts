/**
 * Which attempt of the CI job this is. The demo's generate script re-runs failed tests
 * once (as a "retry failed tests" CI step does) with ACME_CI_ATTEMPT=2.
 */
export const ciAttempt = (): number => Number(process.env.ACME_CI_ATTEMPT ?? "1");
