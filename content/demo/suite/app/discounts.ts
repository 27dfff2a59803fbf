import type { Cents } from "./money.ts";
import { percentOf } from "./money.ts";

export type DiscountRule =
  | { kind: "percent"; percent: number }
  | { kind: "fixed"; amount: Cents }
  | { kind: "free_shipping" };

export interface DiscountCode {
  code: string;
  rule: DiscountRule;
  minimumSpend?: Cents;
  expiresAt?: number;
  firstOrderOnly?: boolean;
  stackable?: boolean;
}

export const seedDiscountCodes = (): DiscountCode[] => [
  { code: "SAVE10", rule: { kind: "percent", percent: 10 }, minimumSpend: 5000 },
  { code: "SAVE20", rule: { kind: "percent", percent: 20 }, minimumSpend: 15000 },
  { code: "WELCOME5", rule: { kind: "fixed", amount: 500 }, firstOrderOnly: true, stackable: true },
  { code: "FREESHIP", rule: { kind: "free_shipping" }, stackable: true },
  { code: "BLACKFRIDAY", rule: { kind: "percent", percent: 30 }, expiresAt: Date.UTC(2024, 11, 2) },
];

export type DiscountDecision =
  | { accepted: true; code: string; amount: Cents; freeShipping: boolean }
  | { accepted: false; code: string; reason: string };

export class DiscountEngine {
  readonly #codes: Map<string, DiscountCode>;
  readonly #now: () => number;

  constructor(codes: DiscountCode[] = seedDiscountCodes(), now: () => number = Date.now) {
    this.#codes = new Map(codes.map((c) => [c.code, c]));
    this.#now = now;
  }

  evaluate(rawCode: string, context: { subtotal: Cents; isFirstOrder: boolean; alreadyApplied?: string[] }): DiscountDecision {
    const code = rawCode.trim().toUpperCase();
    const definition = this.#codes.get(code);
    if (!definition) return { accepted: false, code, reason: "This code does not exist" };
    if (definition.expiresAt !== undefined && this.#now() > definition.expiresAt) {
      return { accepted: false, code, reason: "This code has expired" };
    }
    if (definition.minimumSpend !== undefined && context.subtotal < definition.minimumSpend) {
      return { accepted: false, code, reason: `Spend at least $${(definition.minimumSpend / 100).toFixed(2)} to use this code` };
    }
    if (definition.firstOrderOnly && !context.isFirstOrder) {
      return { accepted: false, code, reason: "This code is for your first order only" };
    }
    const others = (context.alreadyApplied ?? []).map((c) => this.#codes.get(c)).filter((c) => c !== undefined);
    if (others.some((o) => o.code === code)) return { accepted: false, code, reason: "This code is already applied" };
    if (!definition.stackable && others.some((o) => !o.stackable)) {
      return { accepted: false, code, reason: "This code cannot be combined with another promotion" };
    }
    switch (definition.rule.kind) {
      case "percent":
        return { accepted: true, code, amount: percentOf(context.subtotal, definition.rule.percent), freeShipping: false };
      case "fixed":
        return { accepted: true, code, amount: Math.min(definition.rule.amount, context.subtotal), freeShipping: false };
      case "free_shipping":
        return { accepted: true, code, amount: 0, freeShipping: true };
    }
  }
}
