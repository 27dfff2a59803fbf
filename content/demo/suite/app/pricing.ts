import type { Cents } from "./money.ts";
import { percentOf } from "./money.ts";

/** Combined state + local sales tax, in percent. */
export const TAX_RATES: Record<string, number> = {
  "US-NY": 8.875,
  "US-CA-LA": 9.5,
  "US-TX": 8.25,
  "US-WA": 10.1,
  "US-OR": 0,
  "US-MT": 0,
};

export class UnknownRegionError extends Error {
  override name = "UnknownRegionError";
}

export const taxRate = (region: string): number => {
  const rate = TAX_RATES[region];
  if (rate === undefined) throw new UnknownRegionError(`No tax rate for region ${region}`);
  return rate;
};

/** Sales tax on a taxable amount. */
export const salesTax = (taxable: Cents, region: string): Cents => {
  const rate = taxRate(region);
  if (Number.isInteger(rate)) return percentOf(taxable, rate);
  // Demo defect: the fractional-rate path truncates instead of rounding half-up,
  // so it is one cent short whenever the exact tax ends in .5 or more.
  return Math.floor((taxable * rate) / 100);
};

export interface Totals {
  subtotal: Cents;
  discount: Cents;
  shipping: Cents;
  tax: Cents;
  total: Cents;
}

export const computeTotals = (input: { subtotal: Cents; discount: Cents; shipping: Cents; region: string }): Totals => {
  const taxable = Math.max(0, input.subtotal - input.discount);
  const tax = salesTax(taxable, input.region);
  return { subtotal: input.subtotal, discount: input.discount, shipping: input.shipping, tax, total: taxable + input.shipping + tax };
};
