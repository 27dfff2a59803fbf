import type { FakeClock } from "./clock.ts";
import type { Catalog } from "./catalog.ts";
import type { Cents } from "./money.ts";
import type { OrderStore } from "./orders.ts";

export interface Refund {
  id: string;
  orderId: string;
  amount: Cents;
  reason: "damaged" | "not_as_described" | "changed_mind" | "late_delivery";
  restock: { sku: string; quantity: number }[];
  requestedBy: string;
  state: "pending_approval" | "processed" | "rejected";
  processedAt?: number;
}

export class RefundError extends Error {
  override name = "RefundError";
}

export class RefundService {
  readonly #orders: OrderStore;
  readonly #catalog: Catalog;
  readonly #clock: FakeClock;
  readonly #refunds: Refund[] = [];
  #nextId = 1;

  constructor(orders: OrderStore, catalog: Catalog, clock: FakeClock) {
    this.#orders = orders;
    this.#catalog = catalog;
    this.#clock = clock;
  }

  refunded(orderId: string): Cents {
    return this.#refunds.filter((r) => r.orderId === orderId && r.state === "processed").reduce((s, r) => s + r.amount, 0);
  }

  request(input: Omit<Refund, "id" | "state" | "processedAt">, options: { needsApproval?: boolean } = {}): Refund {
    const order = this.#orders.get(input.orderId);
    if (order.status === "placed" || order.status === "cancelled") {
      throw new RefundError(`Order ${order.id} is ${order.status}; nothing was charged`);
    }
    if (input.amount <= 0) throw new RefundError("Refund amount must be positive");
    const remaining = order.total - this.refunded(order.id);
    if (input.amount > remaining) {
      throw new RefundError(`Refund of ${input.amount} exceeds the ${remaining} left on order ${order.id}`);
    }
    const refund: Refund = { ...input, id: `rf_${this.#nextId++}`, state: options.needsApproval ? "pending_approval" : "processed" };
    if (refund.state === "processed") this.#process(refund);
    this.#refunds.push(refund);
    return refund;
  }

  approve(refundId: string): Refund {
    const refund = this.#refunds.find((r) => r.id === refundId);
    if (!refund || refund.state !== "pending_approval") throw new RefundError(`Refund ${refundId} is not awaiting approval`);
    this.#process(refund);
    return refund;
  }

  #process(refund: Refund): void {
    refund.state = "processed";
    refund.processedAt = this.#clock.now();
    for (const item of refund.restock) this.#catalog.restock(item.sku, item.quantity);
  }

  /** Finance export: one line per refund, for the month-end reconciliation. */
  csvReport(): string {
    const rows = this.#refunds.map((r) =>
      // Demo defect: refunds awaiting approval have no processedAt; new Date(undefined)
      // is an invalid date and toISOString() throws a RangeError.
      [r.id, r.orderId, (r.amount / 100).toFixed(2), r.reason, r.state, new Date(r.processedAt as number).toISOString()].join(","),
    );
    return ["refund_id,order_id,amount_usd,reason,state,processed_at", ...rows].join("\n");
  }
}
