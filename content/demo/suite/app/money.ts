/** Amounts are integer cents everywhere in Acme Shop. */
export type Cents = number;

export const usd = (dollars: number): Cents => Math.round(dollars * 100);

export const formatUsd = (amount: Cents): string =>
  `${amount < 0 ? "-" : ""}$${(Math.abs(amount) / 100).toFixed(2)}`;

/** Percentage of an amount, rounded half-up to the cent. */
export const percentOf = (amount: Cents, percent: number): Cents =>
  Math.round((amount * percent) / 100);
