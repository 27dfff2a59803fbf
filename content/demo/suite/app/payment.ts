import type { FakeClock } from "./clock.ts";
import type { Cents } from "./money.ts";

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holder: string;
  country?: string;
}

export class GatewayTimeoutError extends Error {
  override name = "GatewayTimeoutError";
}

export type DeclineCode = "insufficient_funds" | "expired_card" | "invalid_number" | "authentication_required";

export class CardDeclinedError extends Error {
  override name = "CardDeclinedError";
  readonly code: DeclineCode;

  constructor(code: DeclineCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type PaymentStatus = "authorized" | "captured" | "voided" | "refunded" | "partially_refunded";

export interface Payment {
  id: string;
  amount: Cents;
  captured: Cents;
  refunded: Cents;
  status: PaymentStatus;
  last4: string;
  brand: string;
}

export interface GatewayCall {
  method: "POST";
  path: string;
  body: Record<string, unknown>;
  latencyMs: number;
  status: number;
}

export const luhnValid = (number: string): boolean => {
  const digits = number.replace(/\s+/g, "");
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

export const cardBrand = (number: string): string => {
  const digits = number.replace(/\s+/g, "");
  if (digits.startsWith("4")) return "visa";
  if (/^5[1-5]/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  return "unknown";
};

/** Test cards of the sandbox, as documented by the payment provider. */
export const TEST_CARDS = {
  visa: "4242 4242 4242 4242",
  mastercard: "5555 5555 5555 4444",
  declinedInsufficientFunds: "4000 0000 0000 9995",
  requires3ds: "4000 0027 6000 3184",
} as const;

/**
 * An in-process stand-in for the payment provider's sandbox. Latency is simulated on a
 * fake clock; a call slower than the client timeout fails as the real client would.
 */
export class FakePaymentGateway {
  readonly calls: GatewayCall[] = [];
  readonly #clock: FakeClock;
  readonly #timeoutMs: number;
  readonly #payments = new Map<string, Payment>();
  #nextId = 1;

  constructor(clock: FakeClock, options: { timeoutMs?: number } = {}) {
    this.#clock = clock;
    this.#timeoutMs = options.timeoutMs ?? 3000;
  }

  #call(path: string, body: Record<string, unknown>, latencyMs: number): void {
    this.#clock.advance(Math.min(latencyMs, this.#timeoutMs));
    const timedOut = latencyMs > this.#timeoutMs;
    this.calls.push({ method: "POST", path, body, latencyMs, status: timedOut ? 504 : 200 });
    if (timedOut) {
      throw new GatewayTimeoutError(`Payment gateway timed out after ${this.#timeoutMs} ms (POST ${path})`);
    }
  }

  async authorize(card: Card, amount: Cents, options: { threeDsPassed?: boolean } = {}): Promise<Payment> {
    const digits = card.number.replace(/\s+/g, "");
    if (!luhnValid(digits)) throw new CardDeclinedError("invalid_number", "Your card number is invalid");
    const now = new Date(this.#clock.now());
    if (card.expYear < now.getUTCFullYear() || (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1)) {
      throw new CardDeclinedError("expired_card", "Your card has expired");
    }
    // Demo defect: orders from $250 are sent through the provider's fraud review,
    // which answers in ~4.5 s; the client still uses the 3 s default timeout.
    const latency = amount >= 25000 ? 4500 : 180 + (amount % 97);
    this.#call("/v1/charges", { amount, currency: "usd", card: `**** ${digits.slice(-4)}`, capture: false }, latency);
    if (digits === TEST_CARDS.declinedInsufficientFunds.replace(/\s+/g, "")) {
      throw new CardDeclinedError("insufficient_funds", "Your card has insufficient funds");
    }
    if (digits === TEST_CARDS.requires3ds.replace(/\s+/g, "") && !options.threeDsPassed) {
      throw new CardDeclinedError("authentication_required", "This payment requires 3-D Secure authentication");
    }
    const payment: Payment = { id: `pay_${String(this.#nextId++).padStart(6, "0")}`, amount, captured: 0, refunded: 0, status: "authorized", last4: digits.slice(-4), brand: cardBrand(digits) };
    this.#payments.set(payment.id, payment);
    return { ...payment };
  }

  async capture(paymentId: string, amount?: Cents): Promise<Payment> {
    const payment = this.#require(paymentId);
    const toCapture = amount ?? payment.amount;
    if (payment.status !== "authorized") throw new Error(`Cannot capture a ${payment.status} payment`);
    if (toCapture > payment.amount) throw new Error(`Cannot capture ${toCapture}, only ${payment.amount} authorized`);
    this.#call(`/v1/charges/${paymentId}/capture`, { amount: toCapture }, 140);
    payment.captured = toCapture;
    payment.status = "captured";
    return { ...payment };
  }

  async void(paymentId: string): Promise<Payment> {
    const payment = this.#require(paymentId);
    if (payment.status !== "authorized") throw new Error(`Cannot void a ${payment.status} payment`);
    this.#call(`/v1/charges/${paymentId}/void`, {}, 120);
    payment.status = "voided";
    return { ...payment };
  }

  async refund(paymentId: string, amount?: Cents): Promise<Payment> {
    const payment = this.#require(paymentId);
    const refundable = payment.captured - payment.refunded;
    const toRefund = amount ?? refundable;
    if (toRefund > refundable) throw new Error(`Cannot refund ${toRefund}, only ${refundable} refundable`);
    // Demo defect: a full refund is sent without an amount, which the provider treats
    // as "refund and close the dispute" — a slow path that always exceeds the timeout.
    const latency = amount === undefined ? 6000 : 210;
    this.#call("/v1/refunds", { charge: paymentId, ...(amount === undefined ? {} : { amount }) }, latency);
    payment.refunded += toRefund;
    payment.status = payment.refunded === payment.captured ? "refunded" : "partially_refunded";
    return { ...payment };
  }

  #require(paymentId: string): Payment {
    const payment = this.#payments.get(paymentId);
    if (!payment) throw new Error(`No such payment ${paymentId}`);
    return payment;
  }
}
