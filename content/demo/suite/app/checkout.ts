import { addressProblems } from "./addresses.ts";
import type { Cart } from "./cart.ts";
import type { DiscountEngine } from "./discounts.ts";
import type { Inventory } from "./inventory.ts";
import type { Cents } from "./money.ts";
import { formatUsd } from "./money.ts";
import type { SmtpRelay, WarehouseWebhook } from "./notifications.ts";
import type { Order, OrderStore } from "./orders.ts";
import type { Card, FakePaymentGateway } from "./payment.ts";
import { CardDeclinedError, GatewayTimeoutError } from "./payment.ts";
import { computeTotals, type Totals } from "./pricing.ts";
import type { Address, ShippingMethod } from "./shipping.ts";
import { shippingCost } from "./shipping.ts";

export interface CheckoutRequest {
  cart: Cart;
  customer: { id: string; email: string; name: string; isFirstOrder: boolean };
  address: Address;
  shippingMethod: ShippingMethod;
  card: Card;
  region: string;
  discountCodes?: string[];
  threeDsPassed?: boolean;
}

export type CheckoutResult =
  | { status: "confirmed"; order: Order; totals: Totals; warnings: string[] }
  | { status: "rejected"; reason: string }
  | { status: "declined"; reason: string; code: string }
  | { status: "payment_error"; reason: string };

export interface CheckoutDeps {
  orders: OrderStore;
  inventory: Inventory;
  gateway: FakePaymentGateway;
  discounts: DiscountEngine;
  mail: SmtpRelay;
  warehouse: WarehouseWebhook;
}

export const quote = (request: CheckoutRequest, discounts: DiscountEngine): Totals | { error: string } => {
  const subtotal = request.cart.subtotal;
  let discount: Cents = 0;
  let freeShipping = false;
  const applied: string[] = [];
  for (const code of request.discountCodes ?? []) {
    const decision = discounts.evaluate(code, { subtotal, isFirstOrder: request.customer.isFirstOrder, alreadyApplied: applied });
    if (!decision.accepted) return { error: `${decision.code}: ${decision.reason}` };
    applied.push(decision.code);
    discount += decision.amount;
    freeShipping ||= decision.freeShipping;
  }
  const shipping = shippingCost({ method: request.shippingMethod, address: request.address, subtotal: subtotal - discount, weightGrams: request.cart.weightGrams, freeShippingCode: freeShipping });
  return computeTotals({ subtotal, discount: Math.min(discount, subtotal), shipping, region: request.region });
};

export const renderConfirmationEmail = (order: Order, name: string): string =>
  [
    `<!doctype html><html><head><meta charset="utf-8"><title>Order ${order.id} confirmed</title>`,
    `<style>body{font-family:system-ui,sans-serif;color:#1f2933}td{padding:4px 8px}.total{font-weight:700}</style></head><body>`,
    `<h1>Thanks for your order, ${name}!</h1>`,
    `<p>Order <strong>${order.id}</strong> is confirmed and will ship by ${order.shippingMethod} delivery.</p>`,
    "<table>",
    ...order.lines.map((l) => `<tr><td>${l.quantity} ×</td><td>${l.name}</td><td>${formatUsd(l.unitPrice * l.quantity)}</td></tr>`),
    `<tr><td></td><td>Shipping</td><td>${formatUsd(order.shipping)}</td></tr>`,
    `<tr><td></td><td>Tax</td><td>${formatUsd(order.tax)}</td></tr>`,
    `<tr class="total"><td></td><td>Total</td><td>${formatUsd(order.total)}</td></tr>`,
    "</table>",
    `<p><a href="https://shop.acme.example/account/orders/${order.id}">View your order</a></p>`,
    "</body></html>",
  ].join("\n");

export const placeOrder = async (request: CheckoutRequest, deps: CheckoutDeps): Promise<CheckoutResult> => {
  if (request.cart.itemCount === 0) return { status: "rejected", reason: "Your cart is empty" };
  const problems = addressProblems(request.address);
  if (problems.length) return { status: "rejected", reason: `Shipping address: ${problems.join("; ")}` };
  const totals = quote(request, deps.discounts);
  if ("error" in totals) return { status: "rejected", reason: totals.error };

  const lines = request.cart.lines;
  const reserved: typeof lines = [];
  try {
    for (const line of lines) {
      deps.inventory.reserve(line.sku, line.quantity);
      reserved.push(line);
    }
  } catch (error) {
    for (const line of reserved) deps.inventory.release(line.sku, line.quantity);
    return { status: "rejected", reason: (error as Error).message };
  }

  let paymentId: string;
  try {
    const authorization = await deps.gateway.authorize(request.card, totals.total, { threeDsPassed: request.threeDsPassed });
    paymentId = (await deps.gateway.capture(authorization.id)).id;
  } catch (error) {
    for (const line of lines) deps.inventory.release(line.sku, line.quantity);
    if (error instanceof CardDeclinedError) return { status: "declined", reason: error.message, code: error.code };
    if (error instanceof GatewayTimeoutError) return { status: "payment_error", reason: error.message };
    throw error;
  }

  for (const line of lines) deps.inventory.commit(line.sku, line.quantity);
  const order = deps.orders.create({
    customerId: request.customer.id,
    customerEmail: request.customer.email,
    lines: lines.map(({ sku, name, unitPrice, quantity }) => ({ sku, name, unitPrice, quantity })),
    ...totals,
    shippingMethod: request.shippingMethod,
    address: request.address,
    paymentId,
  });
  deps.orders.transition(order.id, "paid", "checkout");
  request.cart.clear();

  const warnings: string[] = [];
  deps.mail.send({ to: request.customer.email, subject: `Your Acme Shop order ${order.id}`, html: renderConfirmationEmail(order, request.customer.name) });
  const ack = deps.warehouse.notify(order.id);
  if (!ack.ok) warnings.push(ack.error);
  return { status: "confirmed", order, totals, warnings };
};
