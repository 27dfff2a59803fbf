import type { Address } from "./shipping.ts";

export type SavedAddress = Address & { id: string };

export class AddressError extends Error {
  override name = "AddressError";
}

const US_STATES = new Set(["AL", "AK", "AZ", "CA", "CO", "FL", "GA", "IL", "MA", "MT", "NY", "OR", "TX", "WA"]);

export const addressProblems = (address: Omit<Address, "id">): string[] => {
  const problems: string[] = [];
  if (!address.name.trim()) problems.push("name is required");
  if (!address.line1.trim()) problems.push("street address is required");
  if (!US_STATES.has(address.state.toUpperCase())) problems.push(`unknown state "${address.state}"`);
  if (!/^\d{5}(-\d{4})?$/.test(address.zip)) problems.push(`ZIP code "${address.zip}" must be 5 digits or ZIP+4`);
  return problems;
};

export class AddressBook {
  readonly changeLog: string[] = [];
  readonly #addresses: SavedAddress[] = [];
  #defaultId: string | null = null;
  #nextId = 1;

  add(address: Omit<Address, "id">, options: { makeDefault?: boolean } = {}): SavedAddress {
    const problems = addressProblems(address);
    if (problems.length) throw new AddressError(`Invalid address: ${problems.join("; ")}`);
    const saved = { ...address, state: address.state.toUpperCase(), id: `addr_${this.#nextId++}` };
    this.#addresses.push(saved);
    if (options.makeDefault || this.#defaultId === null) this.#defaultId = saved.id;
    return saved;
  }

  list(): SavedAddress[] {
    return [...this.#addresses];
  }

  get default(): SavedAddress | null {
    return this.#addresses.find((a) => a.id === this.#defaultId) ?? null;
  }

  remove(id: string): void {
    const index = this.#addresses.findIndex((a) => a.id === id);
    if (index === -1) throw new AddressError(`No address ${id}`);
    this.#addresses.splice(index, 1);
    if (this.#defaultId === id) this.#defaultId = null;
  }

  setDefault(id: string): SavedAddress {
    const previous = this.default;
    const next = this.#addresses.find((a) => a.id === id);
    if (!next) throw new AddressError(`No address ${id}`);
    // Demo defect: assumes there always was a previous default (null after the
    // default address was deleted) while logging the change.
    this.changeLog.push(`default address ${previous!.id} → ${next.id}`);
    this.#defaultId = next.id;
    return next;
  }

}
