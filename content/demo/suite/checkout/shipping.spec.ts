import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import type { ShippingMethod } from "../app/shipping.ts";
import { availableMethods, deliveryEstimate, ShippingError, shippingCost } from "../app/shipping.ts";
import { BROOKLYN, PO_BOX, PORTLAND } from "../support/customers.ts";
import { area, testCase } from "../support/labels.ts";

describe("Shipping", () => {
  beforeEach(async () => {
    await area("Checkout & payments", "Shipping options", "maria.lopez");
  });

  describe("rates", () => {
    it("charges $5.99 for standard shipping below $75", async () => {
      await testCase({ story: "Shipping rates", id: "3201", severity: "critical" });
      expect(shippingCost({ method: "standard", address: BROOKLYN, subtotal: 7499, weightGrams: 800 })).toBe(599);
    });

    it("ships standard for free from $75", async () => {
      await testCase({ story: "Shipping rates", id: "3202", severity: "critical", tags: ["promotions"] });
      expect(shippingCost({ method: "standard", address: BROOKLYN, subtotal: 7500, weightGrams: 800 })).toBe(0);
      expect(shippingCost({ method: "express", address: BROOKLYN, subtotal: 7500, weightGrams: 800 })).toBe(1499);
    });

    it("makes standard shipping free with the FREESHIP code", async () => {
      await testCase({ story: "Shipping rates", id: "3203", tags: ["promotions"] });
      expect(shippingCost({ method: "standard", address: PORTLAND, subtotal: 1500, weightGrams: 120, freeShippingCode: true })).toBe(0);
    });

    it("adds a $9 surcharge to parcels over 5 kg", async () => {
      await testCase({ story: "Shipping rates", id: "3204" });
      const cost = await allure.step("Quote express for two tents and a lamp (6.2 kg)", async (step) => {
        await step.parameter("weight", "6200 g");
        return shippingCost({ method: "express", address: BROOKLYN, subtotal: 57400, weightGrams: 6200 });
      });
      expect(cost).toBe(1499 + 900);
    });
  });

  describe("PO boxes", () => {
    it("does not offer express delivery to a PO box", async () => {
      await testCase({ story: "PO box delivery", id: "3210" });
      expect(availableMethods(PO_BOX)).toEqual(["standard"]);
      expect(() => shippingCost({ method: "express", address: PO_BOX, subtotal: 3000, weightGrams: 300 })).toThrow(ShippingError);
    });

    it("shows a delivery estimate for a PO box address", async () => {
      await testCase({ story: "PO box delivery", id: "3211", issue: "437", severity: "minor" });
      expect(deliveryEstimate("standard", PO_BOX)).toBe("5–7 business days");
    });
  });

  it.each<{ method: ShippingMethod; eta: string }>([
    { method: "standard", eta: "3–5 business days" },
    { method: "express", eta: "1–2 business days" },
    { method: "pickup", eta: "Ready for pickup in 2 hours" },
  ])("shows “$eta” for $method delivery to a street address", async ({ method, eta }) => {
    await testCase({ story: "Delivery estimate", id: "3220", severity: "minor" });
    await allure.parameter("method", method);
    expect(deliveryEstimate(method, BROOKLYN)).toBe(eta);
  });
});
