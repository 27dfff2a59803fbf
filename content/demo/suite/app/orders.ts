import type { FakeClock } from "./clock.ts";
import type { Cents } from "./money.ts";
import type { Address, ShippingMethod } from "./shipping.ts";

export type OrderStatus = "placed" | "paid" | "packed" | "shipped" | "delivered" | "cancelled";
export type Carrier = "UPS" | "FedEx" | "USPS";

export interface OrderLine {
  sku: string;
  name: string;
  unitPrice: Cents;
  quantity: number;
}

export interface Order {
  id: string;
  customerId: string;
  customerEmail: string;
  lines: OrderLine[];
  subtotal: Cents;
  discount: Cents;
  shipping: Cents;
  tax: Cents;
  total: Cents;
  status: OrderStatus;
  shippingMethod: ShippingMethod;
  address: Address;
  paymentId?: string;
  carrier?: Carrier;
  trackingNumber?: string;
  history: { status: OrderStatus; at: number; by: string }[];
}

export class OrderError extends Error {
  override name = "OrderError";
}

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  placed: ["paid", "cancelled"],
  paid: ["packed", "cancelled"],
  packed: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};

const TRACKING_URLS: Partial<Record<Carrier, (n: string) => string>> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  // Demo defect: USPS was added as a carrier in the admin UI but never here.
};

export const trackingUrl = (order: Order): string | undefined =>
  order.carrier && order.trackingNumber ? TRACKING_URLS[order.carrier]?.(order.trackingNumber) : undefined;

export class OrderStore {
  readonly #clock: FakeClock;
  readonly #orders = new Map<string, Order>();
  #nextNumber = 10_241;

  constructor(clock: FakeClock) {
    this.#clock = clock;
  }

  create(draft: Omit<Order, "id" | "status" | "history">): Order {
    const order: Order = { ...draft, id: `ACME-${this.#nextNumber++}`, status: "placed", history: [{ status: "placed", at: this.#clock.now(), by: "checkout" }] };
    this.#orders.set(order.id, order);
    return order;
  }

  get(id: string): Order {
    const order = this.#orders.get(id);
    if (!order) throw new OrderError(`Order ${id} not found`);
    return order;
  }

  forCustomer(customerId: string): Order[] {
    return [...this.#orders.values()].filter((o) => o.customerId === customerId);
  }

  search(query: { email?: string; status?: OrderStatus }): Order[] {
    return [...this.#orders.values()]
      .filter((o) => (query.email ? o.customerEmail === query.email.trim().toLowerCase() : true))
      .filter((o) => (query.status ? o.status === query.status : true))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  transition(id: string, status: OrderStatus, by: string, shipment?: { carrier: Carrier; trackingNumber: string }): Order {
    const order = this.get(id);
    if (!NEXT[order.status].includes(status)) {
      throw new OrderError(`Cannot move order ${id} from ${order.status} to ${status}`);
    }
    if (status === "shipped") {
      if (!shipment) throw new OrderError(`Shipping ${id} needs a carrier and a tracking number`);
      order.carrier = shipment.carrier;
      order.trackingNumber = shipment.trackingNumber;
    }
    order.status = status;
    order.history.push({ status, at: this.#clock.now(), by });
    return order;
  }
}
