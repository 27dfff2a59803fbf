import type { Card } from "../app/payment.ts";
import { TEST_CARDS } from "../app/payment.ts";
import type { Address } from "../app/shipping.ts";

export const JANE = { id: "cus_00042", email: "jane.doe@example.com", name: "Jane Doe", isFirstOrder: false };
export const NEW_CUSTOMER = { id: "cus_00077", email: "sam.lee@example.com", name: "Sam Lee", isFirstOrder: true };

export const BROOKLYN: Address = { name: "Jane Doe", line1: "350 Jay St", city: "Brooklyn", state: "NY", zip: "11201", country: "US" };
export const PORTLAND: Address = { name: "Sam Lee", line1: "1120 NW Couch St", line2: "Apt 4B", city: "Portland", state: "OR", zip: "97209", country: "US" };
export const PO_BOX: Address = { name: "Jane Doe", line1: "PO Box 1432", city: "Bozeman", state: "MT", zip: "59771", country: "US" };

export const card = (number: string = TEST_CARDS.visa, overrides: Partial<Card> = {}): Card => ({
  number,
  expMonth: 8,
  expYear: 2028,
  cvc: "123",
  holder: "JANE DOE",
  ...overrides,
});
