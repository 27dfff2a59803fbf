import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import type { Cart } from "../app/cart.ts";
import { CartError, CartStore } from "../app/cart.ts";
import { Catalog } from "../app/catalog.ts";
import { attachJson, attachScreenshot } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Cart", () => {
  let carts: CartStore;
  let cart: Cart;

  beforeEach(async () => {
    await area("Shopping cart", "Cart management", "sam.okafor");
    carts = new CartStore(new Catalog());
    cart = carts.create();
  });

  describe("adding items", () => {
    it("adds a product to an empty cart", async () => {
      await testCase({ story: "Add to cart", id: "2001", severity: "blocker", tags: ["smoke"] });
      await allure.step("Click “Add to cart” on HD-001", async (step) => {
        await step.parameter("sku", "HD-001");
        await step.parameter("quantity", "1");
        cart.add("HD-001");
      });
      await attachJson("cart after add", { id: cart.id, lines: cart.lines, subtotal: cart.subtotal });
      await attachScreenshot("mini cart", { rows: 2, banner: "success" });
      expect(cart.itemCount).toBe(1);
      expect(cart.subtotal).toBe(5400);
    });

    it("increases the quantity when the same product is added twice", async () => {
      await testCase({ story: "Add to cart", id: "2002" });
      cart.add("TS-010", 2);
      cart.add("TS-010", 1);
      expect(cart.lines).toEqual([{ sku: "TS-010", name: "Logo T-Shirt", unitPrice: 2200, quantity: 3, lineTotal: 6600 }]);
    });

    it("limits a cart line to 10 units", async () => {
      await testCase({ story: "Add to cart", id: "2003", tags: ["regression"] });
      cart.add("MG-005", 8);
      expect(() => cart.add("MG-005", 3)).toThrow("At most 10 × Enamel Camp Mug per order");
      expect(cart.quantityOf("MG-005")).toBe(8);
    });

    it("refuses to add more units than are in stock", async () => {
      await testCase({ story: "Add to cart", id: "2004" });
      expect(() => cart.add("HD-002", 4)).toThrow("Only 3 × Acme Zip Hoodie in stock");
    });

    it("refuses discontinued products", async () => {
      await testCase({ story: "Add to cart", id: "2005", severity: "minor" });
      expect(() => cart.add("PN-404")).toThrow(CartError);
    });

    it.each([0, 1.5])("rejects a quantity of %s", async (quantity) => {
      await testCase({ story: "Add to cart", id: "2006", severity: "minor" });
      await allure.parameter("quantity", String(quantity));
      expect(() => cart.add("TS-010", quantity)).toThrow(`Quantity must be a positive whole number, got ${quantity}`);
    });
  });

  describe("editing the cart", () => {
    it("removes the line when its quantity is set to 0", async () => {
      await testCase({ story: "Edit cart", id: "2010" });
      cart.add("CP-020", 2);
      cart.setQuantity("CP-020", 0);
      expect(cart.lines).toEqual([]);
    });

    it("updates the subtotal when a line is removed", async () => {
      await testCase({ story: "Edit cart", id: "2011" });
      cart.add("HD-001");
      cart.add("BT-050", 2);
      expect(cart.subtotal).toBe(11800);
      cart.remove("HD-001");
      expect(cart.subtotal).toBe(6400);
    });
  });

  describe("guest cart on sign-in", () => {
    it("adds a guest's items to the customer's saved cart", async () => {
      await testCase({ story: "Guest cart", id: "2020", severity: "critical" });
      const saved = carts.create("cus_00042");
      saved.add("HD-001");
      cart.add("HD-001", 2);
      cart.add("SK-100");
      const merged = await allure.step("Sign in as cus_00042 with a guest cart", () => carts.mergeOnSignIn(cart, "cus_00042"));
      expect(merged.id).toBe(saved.id);
      expect(merged.lines.map((l) => [l.sku, l.quantity])).toEqual([["HD-001", 3], ["SK-100", 1]]);
    });

    it("keeps the guest cart when the customer had no saved cart", async () => {
      await testCase({
        story: "Guest cart",
        id: "2021",
        severity: "critical",
        issue: "426",
        description: "A first-time customer fills a cart as a guest, then creates an account or signs in: nothing in the cart may be lost.",
      });
      cart.add("BG-300");
      const merged = await allure.step("Sign in as cus_00077, who has no saved cart", () => carts.mergeOnSignIn(cart, "cus_00077"));
      expect(merged.lines.map((l) => l.sku)).toEqual(["BG-300"]);
    });
  });
});
