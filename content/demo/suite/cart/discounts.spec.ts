import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../app/clock.ts";
import { DiscountEngine } from "../app/discounts.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Discount codes", () => {
  let engine: DiscountEngine;

  beforeEach(async () => {
    await area("Shopping cart", "Discount codes", "li.wei");
    const clock = new FakeClock();
    engine = new DiscountEngine(undefined, () => clock.now());
  });

  it("applies a 10% discount code to a cart over $50", async () => {
    await testCase({
      story: "Percentage codes",
      id: "2201",
      severity: "critical",
      tags: ["smoke", "promotions"],
      description: "**SAVE10** takes 10% off the subtotal of carts of **$50.00 or more**. Shipping and tax are not discounted.",
    });
    const decision = await allure.step("Apply SAVE10 to a $64.00 cart", async (step) => {
      await step.parameter("code", "SAVE10");
      await step.parameter("subtotal", "$64.00");
      return engine.evaluate("SAVE10", { subtotal: 6400, isFirstOrder: false });
    });
    await attachJson("POST /api/cart/discounts response", decision);
    expect(decision).toEqual({ accepted: true, code: "SAVE10", amount: 640, freeShipping: false });
  });

  it("rejects SAVE10 on a $49.99 cart with a minimum-spend message", async () => {
    await testCase({ story: "Percentage codes", id: "2202" });
    expect(engine.evaluate("SAVE10", { subtotal: 4999, isFirstOrder: false })).toEqual({
      accepted: false,
      code: "SAVE10",
      reason: "Spend at least $50.00 to use this code",
    });
  });

  it("rejects an expired Black Friday code", async () => {
    await testCase({ story: "Code validity", id: "2203" });
    const decision = engine.evaluate("BLACKFRIDAY", { subtotal: 20000, isFirstOrder: false });
    expect(decision).toMatchObject({ accepted: false, reason: "This code has expired" });
  });

  it.each(["save10", " Save10 "])("accepts the code typed as %j", async (typed) => {
    await testCase({ story: "Code validity", id: "2204", severity: "minor" });
    await allure.parameter("typed", typed);
    expect(engine.evaluate(typed, { subtotal: 6000, isFirstOrder: false })).toMatchObject({ accepted: true, code: "SAVE10" });
  });

  it("does not stack two percentage codes", async () => {
    await testCase({ story: "Combining codes", id: "2205", tags: ["promotions"] });
    const decision = engine.evaluate("SAVE20", { subtotal: 20000, isFirstOrder: false, alreadyApplied: ["SAVE10"] });
    expect(decision).toMatchObject({ accepted: false, reason: "This code cannot be combined with another promotion" });
  });

  it("stacks FREESHIP with a percentage code", async () => {
    await testCase({ story: "Combining codes", id: "2206" });
    const decision = engine.evaluate("FREESHIP", { subtotal: 6000, isFirstOrder: false, alreadyApplied: ["SAVE10"] });
    expect(decision).toEqual({ accepted: true, code: "FREESHIP", amount: 0, freeShipping: true });
  });

  it("applies WELCOME5 to a customer's first order only", async () => {
    await testCase({ story: "Welcome offer", id: "2207" });
    expect(engine.evaluate("WELCOME5", { subtotal: 3000, isFirstOrder: true })).toMatchObject({ accepted: true, amount: 500 });
    expect(engine.evaluate("WELCOME5", { subtotal: 3000, isFirstOrder: false })).toMatchObject({
      accepted: false,
      reason: "This code is for your first order only",
    });
  });

  it("never takes a fixed discount below a zero subtotal", async () => {
    await testCase({ story: "Welcome offer", id: "2208", severity: "minor" });
    expect(engine.evaluate("WELCOME5", { subtotal: 300, isFirstOrder: true })).toMatchObject({ accepted: true, amount: 300 });
  });

  it.todo("limits each code to one use per customer");
});
