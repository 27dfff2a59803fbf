import type { Cents } from "./money.ts";

export type ShippingMethod = "standard" | "express" | "pickup";

export interface Address {
  id?: string;
  name: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
  country: "US";
}

export const FREE_STANDARD_SHIPPING_FROM: Cents = 7500;
const RATES: Record<ShippingMethod, Cents> = { standard: 599, express: 1499, pickup: 0 };
const HEAVY_PARCEL_GRAMS = 5000;
const HEAVY_SURCHARGE: Cents = 900;

export const isPoBox = (address: Address): boolean => /\bp\.?\s*o\.?\s*box\b/i.test(`${address.line1} ${address.line2 ?? ""}`);

export class ShippingError extends Error {
  override name = "ShippingError";
}

export const availableMethods = (address: Address): ShippingMethod[] =>
  isPoBox(address) ? ["standard"] : ["standard", "express", "pickup"];

export const shippingCost = (input: { method: ShippingMethod; address: Address; subtotal: Cents; weightGrams: number; freeShippingCode?: boolean }): Cents => {
  if (!availableMethods(input.address).includes(input.method)) {
    throw new ShippingError(`${input.method} delivery is not available to ${input.address.line1}`);
  }
  if (input.method === "pickup") return 0;
  const surcharge = input.weightGrams > HEAVY_PARCEL_GRAMS ? HEAVY_SURCHARGE : 0;
  if (input.method === "standard" && (input.freeShippingCode || input.subtotal >= FREE_STANDARD_SHIPPING_FROM)) return surcharge;
  return RATES[input.method] + surcharge;
};

const ETA: Record<string, string> = {
  "standard:street": "3–5 business days",
  "standard:pobox": "5–7 business days",
  "express:street": "1–2 business days",
  "pickup:street": "Ready for pickup in 2 hours",
};

export const deliveryEstimate = (method: ShippingMethod, address: Address): string | undefined => {
  // Demo defect: the key for PO boxes is built as "pobox:standard" (reversed), so
  // the lookup misses and the checkout page shows no estimate at all.
  const key = isPoBox(address) ? `pobox:${method}` : `${method}:street`;
  return ETA[key];
};
