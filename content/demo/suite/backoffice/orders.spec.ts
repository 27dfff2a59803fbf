import * as allure from "allure-js-commons";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAdminApi } from "../app/admin-api.ts";
import { FakeClock } from "../app/clock.ts";
import type { Carrier, Order } from "../app/orders.ts";
import { OrderError, OrderStore } from "../app/orders.ts";
import { JANE } from "../support/customers.ts";
import { attachJson, attachScreenshot } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";
import { seedOrders } from "../support/orders.ts";

describe("Order management", () => {
  let clock: FakeClock;
  let store: OrderStore;
  let seeded: Order[];
  let api: Awaited<ReturnType<typeof startAdminApi>>;

  beforeAll(async () => {
    clock = new FakeClock();
    store = new OrderStore(clock);
    seeded = seedOrders(store);
    api = await startAdminApi(store);
  });

  afterAll(async () => {
    await api.close();
  });

  beforeEach(async () => {
    await area("Back office", "Order management", "maria.lopez");
  });

  const paidOrder = (): Order => {
    const order = store.create({ ...seeded[2]!, customerId: JANE.id });
    return store.transition(order.id, "paid", "checkout");
  };

  const get = async (path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`);
    const body = (await response.json()) as Record<string, unknown>;
    await attachJson(`GET ${path} → ${response.status}`, body);
    return { status: response.status, body };
  };

  it("finds a customer's orders by email, ignoring case", async () => {
    await testCase({ story: "Order search", id: "5001", severity: "critical", tags: ["smoke"] });
    const { status, body } = await allure.step("Search orders for JANE.DOE@example.com", async (step) => {
      await step.parameter("email", "JANE.DOE@example.com");
      return get("/admin/orders?email=JANE.DOE%40example.com");
    });
    await attachScreenshot("order search results", { rows: 2 });
    expect(status).toBe(200);
    expect((body.orders as { id: string }[]).map((o) => o.id)).toEqual([seeded[0]!.id, seeded[2]!.id]);
  });

  it("answers 404 for an order number that does not exist", async () => {
    await testCase({ story: "Order search", id: "5002", severity: "minor" });
    const { status, body } = await get("/admin/orders/ACME-99999");
    expect(status).toBe(404);
    expect(body).toEqual({ error: "Order ACME-99999 not found" });
  });

  it("moves an order from paid to packed, shipped and delivered", async () => {
    await testCase({ story: "Fulfilment", id: "5003", severity: "critical" });
    const id = seeded[0]!.id;
    await allure.step("Pack the order", () => store.transition(id, "packed", "warehouse"));
    await allure.step("Hand the parcel to UPS", async (step) => {
      await step.parameter("carrier", "UPS");
      await step.parameter("tracking number", "1Z999AA10123456784");
      store.transition(id, "shipped", "warehouse", { carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    });
    await allure.step("Record the delivery", () => store.transition(id, "delivered", "ups-webhook"));
    expect(store.get(id).history.map((h) => h.status)).toEqual(["placed", "paid", "packed", "shipped", "delivered"]);
  });

  it("refuses to cancel an order that has shipped", async () => {
    await testCase({ story: "Fulfilment", id: "5004" });
    const { id } = paidOrder();
    store.transition(id, "packed", "warehouse");
    store.transition(id, "shipped", "warehouse", { carrier: "FedEx", trackingNumber: "449044304137822" });
    expect(() => store.transition(id, "cancelled", "support:amy")).toThrow(OrderError);
  });

  it("requires a carrier and a tracking number to mark an order shipped", async () => {
    await testCase({ story: "Fulfilment", id: "5005", severity: "minor" });
    const { id } = paidOrder();
    store.transition(id, "packed", "warehouse");
    expect(() => store.transition(id, "shipped", "warehouse")).toThrow(`Shipping ${id} needs a carrier and a tracking number`);
  });

  it("records who changed the status and when", async () => {
    await testCase({ story: "Audit trail", id: "5006", tags: ["compliance"] });
    const { id } = paidOrder();
    clock.advanceMinutes(90);
    store.transition(id, "cancelled", "support:amy");
    expect(store.get(id).history.at(-1)).toEqual({ status: "cancelled", at: clock.now(), by: "support:amy" });
  });

  it.each<{ carrier: Carrier; trackingNumber: string; url: string }>([
    { carrier: "UPS", trackingNumber: "1Z999AA10123456785", url: "https://www.ups.com/track?tracknum=1Z999AA10123456785" },
    { carrier: "FedEx", trackingNumber: "449044304137821", url: "https://www.fedex.com/fedextrack/?trknbr=449044304137821" },
    {
      carrier: "USPS",
      trackingNumber: "9400100000000000000000",
      url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000",
    },
  ])("links $carrier tracking numbers to the carrier's tracking page", async ({ carrier, trackingNumber, url }) => {
    await testCase({ story: "Shipment tracking", id: "5007", issue: carrier === "USPS" ? "440" : undefined });
    await allure.parameter("carrier", carrier);
    const order = paidOrder();
    store.transition(order.id, "packed", "warehouse");
    store.transition(order.id, "shipped", "warehouse", { carrier, trackingNumber });
    const { body } = await get(`/admin/orders/${order.id}`);
    expect(body.trackingUrl ?? undefined).toBe(url);
  });
});
