import { defineConfig } from "vitest/config";

// One CI shard per run; generate.mjs sets ACME_SHARD and ACME_RESULTS_DIR.
const shard = process.env.ACME_SHARD ?? "1";
const resultsDir = process.env.ACME_RESULTS_DIR ?? `../allure-results/shard-${shard}`;
const region = shard === "1" ? "us-east-1" : "eu-west-1";

// Categories are a shard-1 file only, to exercise per-shard merging in Casebook.
const categories =
  shard === "1"
    ? [
        {
          name: "Payment gateway timeouts",
          description: "The payment provider's sandbox did not answer in time.",
          // Vitest truncates a rejected promise to "GatewayTimeoutError: Payment gateway time…".
          messageRegex: ".*(Payment gateway timed out after \\d+ ms|GatewayTimeoutError: Payment gateway time).*",
          matchedStatuses: ["failed", "broken"],
        },
        {
          name: "Rounding errors",
          description: "Money amounts off by a cent: look at tax and discount rounding.",
          messageRegex: "expected \\d+ to be \\d+.*",
          matchedStatuses: ["failed"],
        },
      ]
    : undefined;

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.spec.ts"],
    // Spec files share no state: one fresh shop per file.
    isolate: true,
    reporters: [
      "dot",
      [
        "allure-vitest/reporter",
        {
          resultsDir,
          categories,
          environmentInfo: {
            Env: "staging",
            Region: region,
            Node: process.version,
            Browser: "Chromium 131 (headless)",
            "Base URL": `https://staging-${region}.shop.acme.example`,
            Shard: `${shard}/2`,
          },
        },
      ],
    ],
  },
});
