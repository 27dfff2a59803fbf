import type { Order, OrderStore } from "../app/orders.ts";
import { BROOKLYN, JANE, NEW_CUSTOMER, PORTLAND } from "./customers.ts";

/** Three paid orders, as the back-office tests expect to find them. */
export const seedOrders = (store: OrderStore): Order[] => {
  const base = { discount: 0, shipping: 0, tax: 0, shippingMethod: "standard" as const };
  const orders = [
    store.create({ ...base, customerId: JANE.id, customerEmail: JANE.email, address: BROOKLYN, lines: [{ sku: "HD-001", name: "Acme Classic Hoodie", unitPrice: 5400, quantity: 2 }], subtotal: 10800, total: 10800 }),
    store.create({ ...base, customerId: NEW_CUSTOMER.id, customerEmail: NEW_CUSTOMER.email, address: PORTLAND, lines: [{ sku: "TN-700", name: "Two-Person Trekking Tent", unitPrice: 24900, quantity: 1 }], subtotal: 24900, total: 24900 }),
    store.create({ ...base, customerId: JANE.id, customerEmail: JANE.email, address: BROOKLYN, lines: [{ sku: "MG-005", name: "Enamel Camp Mug", unitPrice: 1400, quantity: 4 }], subtotal: 5600, shipping: 599, total: 6199 }),
  ];
  for (const order of orders) store.transition(order.id, "paid", "checkout");
  return orders;
};
