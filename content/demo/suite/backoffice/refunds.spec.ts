import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { refundNeedsApproval } from "../app/access.ts";
import { Catalog } from "../app/catalog.ts";
import { FakeClock } from "../app/clock.ts";
import type { Order } from "../app/orders.ts";
import { OrderStore } from "../app/orders.ts";
import type { Refund } from "../app/refunds.ts";
import { RefundError, RefundService } from "../app/refunds.ts";
import { attachJson, attachLog } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";
import { seedOrders } from "../support/orders.ts";

describe("Refunds", () => {
  let catalog: Catalog;
  let store: OrderStore;
  let refunds: RefundService;
  let hoodies: Order;
  let tent: Order;

  beforeEach(async () => {
    await area("Back office", "Refunds", "li.wei");
    const clock = new FakeClock();
    catalog = new Catalog();
    store = new OrderStore(clock);
    [hoodies, tent] = seedOrders(store) as [Order, Order, Order];
    refunds = new RefundService(store, catalog, clock);
  });

  it("refunds a damaged item without putting it back in stock", async () => {
    await testCase({ story: "Issue a refund", id: "5101", severity: "critical", tags: ["smoke"] });
    const refund = await allure.step("Refund one damaged hoodie", async (step) => {
      await step.parameter("order", hoodies.id);
      await step.parameter("amount", "$54.00");
      return refunds.request({ orderId: hoodies.id, amount: 5400, reason: "damaged", restock: [], requestedBy: "support:amy" });
    });
    await attachJson("refund", refund);
    expect(refund.state).toBe("processed");
    expect(catalog.require("HD-001").stock).toBe(42);
  });

  it("puts returned items back in stock", async () => {
    await testCase({ story: "Issue a refund", id: "5102" });
    refunds.request({ orderId: hoodies.id, amount: 10800, reason: "changed_mind", restock: [{ sku: "HD-001", quantity: 2 }], requestedBy: "support:amy" });
    expect(catalog.require("HD-001").stock).toBe(44);
  });

  it("refuses a refund larger than what is left on the order", async () => {
    await testCase({ story: "Refund limits", id: "5103", severity: "critical" });
    refunds.request({ orderId: hoodies.id, amount: 6000, reason: "late_delivery", restock: [], requestedBy: "support:amy" });
    expect(() =>
      refunds.request({ orderId: hoodies.id, amount: 6000, reason: "late_delivery", restock: [], requestedBy: "support:amy" }),
    ).toThrow(`Refund of 6000 exceeds the 4800 left on order ${hoodies.id}`);
  });

  it("allows several partial refunds up to the order total", async () => {
    await testCase({ story: "Refund limits", id: "5104" });
    for (const amount of [5000, 5000, 800]) {
      refunds.request({ orderId: hoodies.id, amount, reason: "not_as_described", restock: [], requestedBy: "support:amy" });
    }
    expect(refunds.refunded(hoodies.id)).toBe(hoodies.total);
  });

  it("refuses to refund a cancelled order", async () => {
    await testCase({ story: "Refund limits", id: "5105", severity: "minor" });
    store.transition(tent.id, "cancelled", "support:amy");
    expect(() => refunds.request({ orderId: tent.id, amount: 100, reason: "changed_mind", restock: [], requestedBy: "support:amy" })).toThrow(RefundError);
  });

  it("holds a support agent's refund over $100 for a manager's approval", async () => {
    await testCase({
      story: "Refund approval",
      id: "5106",
      severity: "critical",
      tags: ["compliance"],
      description: "Support agents may refund up to **$100.00** on their own; above that a manager approves.",
    });
    const agent = { email: "amy@acme.example", role: "support" as const };
    const needsApproval = refundNeedsApproval(agent, 24900);
    const refund = refunds.request({ orderId: tent.id, amount: 24900, reason: "not_as_described", restock: [], requestedBy: agent.email }, { needsApproval });
    expect(refund.state).toBe("pending_approval");
    expect(refunds.approve(refund.id).state).toBe("processed");
  });

  it.each<{ reason: Refund["reason"] }>([{ reason: "late_delivery" }, { reason: "changed_mind" }])(
    "records the refund reason “$reason”",
    async ({ reason }) => {
      await testCase({ story: "Issue a refund", id: "5107", severity: "trivial" });
      await allure.parameter("reason", reason);
      expect(refunds.request({ orderId: hoodies.id, amount: 100, reason, restock: [], requestedBy: "support:amy" }).reason).toBe(reason);
    },
  );

  it("exports the month's refunds as CSV for finance", async () => {
    await testCase({ story: "Finance export", id: "5108", tags: ["finance"], issue: "452" });
    refunds.request({ orderId: hoodies.id, amount: 5400, reason: "damaged", restock: [], requestedBy: "support:amy" });
    refunds.request({ orderId: tent.id, amount: 24900, reason: "not_as_described", restock: [], requestedBy: "amy@acme.example" }, { needsApproval: true });
    const csv = await allure.step("Download refunds.csv", () => refunds.csvReport());
    await attachLog("refunds.csv", csv.split("\n"));
    expect(csv.split("\n")).toHaveLength(3);
  });
});
