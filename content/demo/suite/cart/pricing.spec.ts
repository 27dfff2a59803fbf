import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { formatUsd } from "../app/money.ts";
import { computeTotals, salesTax, UnknownRegionError } from "../app/pricing.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Pricing", () => {
  beforeEach(async () => {
    await area("Shopping cart", "Pricing & tax", "li.wei");
  });

  describe("sales tax", () => {
    it("charges 8.875% New York sales tax rounded to the nearest cent", async () => {
      await testCase({
        story: "Sales tax",
        id: "2101",
        severity: "critical",
        issue: "412",
        description: [
          "New York City combines 4% state tax, 4.5% city tax and 0.375% MCTD surcharge.",
          "",
          "| Taxable | Exact tax | Charged |",
          "|--------:|----------:|--------:|",
          "| $122.00 | $10.8275 | **$10.83** |",
          "",
          "Half a cent or more rounds up.",
        ].join("\n"),
      });
      const tax = await allure.step("Compute tax on a $122.00 cart shipped to Brooklyn, NY", async (step) => {
        await step.parameter("region", "US-NY");
        await step.parameter("taxable", "12200");
        return salesTax(12200, "US-NY");
      });
      expect(tax).toBe(1083);
    });

    it.each([
      { region: "US-OR", rate: "0%", taxable: 4000, tax: 0 },
      { region: "US-MT", rate: "0%", taxable: 12900, tax: 0 },
      { region: "US-TX", rate: "8.25%", taxable: 4000, tax: 330 },
      { region: "US-WA", rate: "10.1%", taxable: 1000, tax: 101 },
      { region: "US-NY", rate: "8.875%", taxable: 800, tax: 71 },
      { region: "US-CA-LA", rate: "9.5%", taxable: 2999, tax: 285 },
    ])("computes $rate sales tax for $region", async ({ region, rate, taxable, tax }) => {
      await testCase({ story: "Sales tax", id: "2102", tags: ["tax"] });
      await allure.parameter("region", region);
      await allure.parameter("rate", rate);
      await allure.parameter("taxable", formatUsd(taxable));
      expect(salesTax(taxable, region)).toBe(tax);
    });

    it("does not charge tax on shipping", async () => {
      await testCase({ story: "Sales tax", id: "2103" });
      const totals = computeTotals({ subtotal: 4000, discount: 0, shipping: 599, region: "US-TX" });
      expect(totals.tax).toBe(330);
      expect(totals.total).toBe(4000 + 599 + 330);
    });

    it("refuses an order shipped to a region without a tax rate", async () => {
      await testCase({ story: "Sales tax", id: "2104", severity: "minor" });
      expect(() => salesTax(1000, "US-PR")).toThrow(UnknownRegionError);
    });
  });

  describe("order totals", () => {
    it("adds shipping and tax to the discounted subtotal", async () => {
      await testCase({ story: "Order totals", id: "2110", severity: "critical" });
      const input = { subtotal: 8000, discount: 800, shipping: 599, region: "US-TX" };
      const totals = computeTotals(input);
      await attachJson("totals", { input, totals });
      expect(totals).toEqual({ subtotal: 8000, discount: 800, shipping: 599, tax: 594, total: 8393 });
    });

    it.each([
      [0, "$0.00"],
      [123456, "$1234.56"],
    ])("displays %i cents as %s", async (cents, shown) => {
      await testCase({ story: "Order totals", id: "2111", severity: "trivial" });
      await allure.parameter("cents", String(cents));
      expect(formatUsd(cents)).toBe(shown);
    });
  });
});
