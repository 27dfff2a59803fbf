import type { Catalog } from "./catalog.ts";

export class OutOfStockError extends Error {
  override name = "OutOfStockError";
}

/**
 * Stock reservations made at checkout. Reads go through a replica; right after a
 * failover the replica misses the first write for one read, as the real one does.
 */
export class Inventory {
  readonly #catalog: Catalog;
  readonly #reservations = new Map<string, number>();
  #lagOnFirstWrite: boolean;
  #staleReads = 0;

  constructor(catalog: Catalog, options: { afterFailover?: boolean } = {}) {
    this.#catalog = catalog;
    this.#lagOnFirstWrite = options.afterFailover ?? false;
  }

  available(sku: string): number {
    const onHand = this.#catalog.require(sku).stock;
    if (this.#staleReads > 0) {
      this.#staleReads -= 1;
      return onHand; // stale: the replica has not seen the reservation yet
    }
    return onHand - (this.#reservations.get(sku) ?? 0);
  }

  reserve(sku: string, quantity: number): void {
    if (this.available(sku) < quantity) {
      throw new OutOfStockError(`Only ${this.available(sku)} × ${sku} left, ${quantity} requested`);
    }
    this.#reservations.set(sku, (this.#reservations.get(sku) ?? 0) + quantity);
    if (this.#lagOnFirstWrite) {
      this.#lagOnFirstWrite = false;
      this.#staleReads = 1;
    }
  }

  release(sku: string, quantity: number): void {
    this.#reservations.set(sku, Math.max(0, (this.#reservations.get(sku) ?? 0) - quantity));
  }

  commit(sku: string, quantity: number): void {
    this.release(sku, quantity);
    this.#catalog.require(sku).stock -= quantity;
  }
}
