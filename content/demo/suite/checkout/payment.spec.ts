import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../app/clock.ts";
import { CardDeclinedError, FakePaymentGateway, luhnValid, TEST_CARDS } from "../app/payment.ts";
import { card } from "../support/customers.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Payment gateway", () => {
  let gateway: FakePaymentGateway;

  beforeEach(async () => {
    await area("Checkout & payments", "Payment gateway", "sam.okafor");
    gateway = new FakePaymentGateway(new FakeClock());
  });

  describe("card payments", () => {
    it("authorises a payment with the Visa test card", async () => {
      await testCase({ story: "Card authorisation", id: "3101", severity: "blocker", tags: ["smoke"] });
      const payment = await allure.step("POST /v1/charges", async (step) => {
        await step.parameter("amount", "$54.00");
        await step.parameter("card", "**** 4242");
        return gateway.authorize(card(), 5400);
      });
      await attachJson("gateway request", gateway.calls[0]?.body);
      await attachJson("gateway response", payment);
      expect(payment).toMatchObject({ status: "authorized", amount: 5400, brand: "visa", last4: "4242" });
    });

    it("captures an authorised payment", async () => {
      await testCase({ story: "Card authorisation", id: "3102", severity: "critical" });
      const { id } = await gateway.authorize(card(TEST_CARDS.mastercard), 2200);
      const captured = await gateway.capture(id);
      expect(captured).toMatchObject({ status: "captured", captured: 2200, brand: "mastercard" });
    });

    it("voids an authorisation that was never captured", async () => {
      await testCase({ story: "Card authorisation", id: "3103" });
      const { id } = await gateway.authorize(card(), 1900);
      expect((await gateway.void(id)).status).toBe("voided");
      await expect(gateway.capture(id)).rejects.toThrow("Cannot capture a voided payment");
    });

    it.each([
      { reason: "insufficient funds", number: TEST_CARDS.declinedInsufficientFunds, expYear: 2028, code: "insufficient_funds" },
      { reason: "an expired card", number: TEST_CARDS.visa, expYear: 2024, code: "expired_card" },
      { reason: "a mistyped card number", number: "4242 4242 4242 4241", expYear: 2028, code: "invalid_number" },
    ])("declines a payment for $reason", async ({ reason, number, expYear, code }) => {
      await testCase({ story: "Declined payments", id: "3104", severity: "critical" });
      await allure.parameter("reason", reason);
      await allure.parameter("card", `**** ${number.slice(-4)}`);
      const error = await gateway.authorize(card(number, { expYear }), 3000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CardDeclinedError);
      expect((error as CardDeclinedError).code).toBe(code);
    });

    it("validates card numbers with the Luhn checksum before calling the gateway", async () => {
      await testCase({ story: "Declined payments", id: "3105", severity: "minor" });
      expect(luhnValid("4242424242424242")).toBe(true);
      expect(luhnValid("4242424242424241")).toBe(false);
      expect(luhnValid("4242")).toBe(false);
      await gateway.authorize(card("4242 4242 4242 4241"), 100).catch(() => undefined);
      expect(gateway.calls).toEqual([]);
    });

    it("authorises a $320 tent order within the gateway timeout", async () => {
      await testCase({
        story: "Card authorisation",
        id: "3106",
        severity: "critical",
        issue: "431",
        tags: ["gateway"],
        description: "Orders from $250 go through the provider's fraud review. The shop must still get an answer within its 3 s client timeout.",
      });
      await expect(gateway.authorize(card(), 32000)).resolves.toMatchObject({ status: "authorized" });
    });

    it("pays with PayPal", async (context) => {
      await testCase({ story: "Wallets", id: "3107" });
      context.skip("PayPal sandbox is switched off in staging until the contract renewal");
    });
  });

  describe("refunds", () => {
    it("refunds part of a captured payment", async () => {
      await testCase({ story: "Refund to card", id: "3110", severity: "critical" });
      const { id } = await gateway.authorize(card(), 8900);
      await gateway.capture(id);
      const refunded = await allure.step("POST /v1/refunds for $20.00", () => gateway.refund(id, 2000));
      await attachJson("refund response", refunded);
      expect(refunded).toMatchObject({ status: "partially_refunded", refunded: 2000 });
    });

    it("refuses to refund more than was captured", async () => {
      await testCase({ story: "Refund to card", id: "3111" });
      const { id } = await gateway.authorize(card(), 1500);
      await gateway.capture(id);
      await expect(gateway.refund(id, 1600)).rejects.toThrow("Cannot refund 1600, only 1500 refundable");
    });

    // Retried in CI because the gateway sandbox is "slow sometimes"; it never passes.
    it("refunds a captured payment in full", { retry: 2 }, async () => {
      await testCase({ story: "Refund to card", id: "3112", severity: "critical", issue: "431", tags: ["gateway"] });
      const { id } = await gateway.authorize(card(), 6200);
      await gateway.capture(id);
      await expect(gateway.refund(id)).resolves.toMatchObject({ status: "refunded", refunded: 6200 });
    });
  });
});
