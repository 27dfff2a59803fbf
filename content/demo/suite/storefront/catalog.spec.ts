import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import type { Availability } from "../app/catalog.ts";
import { Catalog } from "../app/catalog.ts";
import { formatUsd } from "../app/money.ts";
import { attachJson, attachScreenshot } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Product catalog", () => {
  let catalog: Catalog;

  beforeEach(async () => {
    await area("Storefront", "Product catalog", "maria.lopez");
    catalog = new Catalog();
  });

  describe("browsing by category", () => {
    it("lists apparel products in alphabetical order", async () => {
      await testCase({ story: "Browse by category", id: "1001", severity: "critical", tags: ["smoke"] });
      const page = await allure.step("Open the Apparel category", async (step) => {
        await step.parameter("category", "apparel");
        return catalog.list({ category: "apparel" });
      });
      await attachJson("GET /api/catalog?category=apparel", page);
      expect(page.items.map((p) => p.name)).toEqual([
        "Acme Classic Hoodie",
        "Acme Zip Hoodie",
        "Logo T-Shirt",
        "Organic Crew Tee",
        "Trail Running Socks (3-pack)",
      ]);
    });

    it("paginates the catalog 12 products per page", async () => {
      await testCase({ story: "Browse by category", id: "1002" });
      const first = catalog.list({ page: 1 });
      const second = catalog.list({ page: 2 });
      expect(first.items).toHaveLength(12);
      expect(second.items).toHaveLength(0);
      expect(first.pages).toBe(1);
      expect(catalog.list({ page: 2, pageSize: 5 }).items.map((p) => p.sku)).toEqual(["BT-050", "TS-010", "BL-210", "TS-011", "SK-100"]);
    });

    it("hides discontinued products from category pages", async () => {
      await testCase({ story: "Browse by category", id: "1003", tags: ["regression"] });
      const accessories = catalog.list({ category: "accessories" }).items.map((p) => p.sku);
      expect(accessories).not.toContain("PN-404");
      expect(catalog.list({ category: "accessories", includeDiscontinued: true }).items.map((p) => p.sku)).toContain("PN-404");
    });
  });

  describe("availability badge", () => {
    it.each<{ sku: string; badge: Availability }>([
      { sku: "HD-001", badge: "in_stock" },
      { sku: "HD-002", badge: "low_stock" },
      { sku: "TS-011", badge: "out_of_stock" },
      { sku: "PN-404", badge: "discontinued" },
    ])("shows the $badge badge for $sku", async ({ sku, badge }) => {
      await testCase({ story: "Product details", id: "1004" });
      await allure.parameter("sku", sku);
      await allure.parameter("expected badge", badge);
      expect(catalog.availability(sku)).toBe(badge);
    });
  });

  describe("product page", () => {
    it("shows the price in US dollars with two decimals @allure.id=1008 @allure.label.layer=ui", async () => {
      await testCase({ story: "Product details", severity: "minor" });
      const hoodie = catalog.require("HD-001");
      await allure.step("Render the product page of HD-001", async () => {
        await attachScreenshot("product page HD-001", { rows: 4, button: true });
      });
      expect(formatUsd(hoodie.price)).toBe("$54.00");
      expect(formatUsd(catalog.require("PN-404").price)).toBe("$6.00");
    });

    it("rejects a zero price in the catalog editor", async () => {
      await testCase({ story: "Catalog editing", id: "1009", tms: "1009" });
      expect(() => catalog.setPrice("TS-010", 0)).toThrow(RangeError);
      expect(() => catalog.setPrice("TS-010", 19.99)).toThrow("Invalid price 19.99 for TS-010");
      catalog.setPrice("TS-010", 1999);
      expect(catalog.require("TS-010").price).toBe(1999);
    });

    it("makes an out-of-stock product available again after a restock", async () => {
      await testCase({ story: "Catalog editing", id: "1010" });
      expect(catalog.availability("TS-011")).toBe("out_of_stock");
      await allure.step("Receive 24 × TS-011 from the supplier", async (step) => {
        await step.parameter("quantity", "24");
        catalog.restock("TS-011", 24);
      });
      expect(catalog.availability("TS-011")).toBe("in_stock");
    });

    it.todo("shows the size guide on apparel product pages");
  });
});
