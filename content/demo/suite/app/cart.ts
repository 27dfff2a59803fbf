import type { Catalog } from "./catalog.ts";
import type { Cents } from "./money.ts";

export const MAX_QUANTITY_PER_LINE = 10;

export class CartError extends Error {
  override name = "CartError";
}

export interface CartLine {
  sku: string;
  name: string;
  unitPrice: Cents;
  quantity: number;
  lineTotal: Cents;
}

export class Cart {
  readonly id: string;
  customerId: string | undefined;
  readonly #catalog: Catalog;
  readonly #quantities = new Map<string, number>();

  constructor(catalog: Catalog, id: string, customerId?: string) {
    this.#catalog = catalog;
    this.id = id;
    this.customerId = customerId;
  }

  add(sku: string, quantity = 1): void {
    const product = this.#catalog.get(sku);
    if (!product) throw new CartError(`Unknown product ${sku}`);
    if (product.discontinued) throw new CartError(`${product.name} is no longer sold`);
    if (!Number.isInteger(quantity) || quantity < 1) throw new CartError(`Quantity must be a positive whole number, got ${quantity}`);
    const next = (this.#quantities.get(sku) ?? 0) + quantity;
    if (next > MAX_QUANTITY_PER_LINE) throw new CartError(`At most ${MAX_QUANTITY_PER_LINE} × ${product.name} per order`);
    if (next > product.stock) throw new CartError(`Only ${product.stock} × ${product.name} in stock`);
    this.#quantities.set(sku, next);
  }

  setQuantity(sku: string, quantity: number): void {
    if (quantity === 0) {
      this.remove(sku);
      return;
    }
    this.#quantities.delete(sku);
    this.add(sku, quantity);
  }

  remove(sku: string): void {
    this.#quantities.delete(sku);
  }

  clear(): void {
    this.#quantities.clear();
  }

  get lines(): CartLine[] {
    return [...this.#quantities].map(([sku, quantity]) => {
      const product = this.#catalog.require(sku);
      return { sku, name: product.name, unitPrice: product.price, quantity, lineTotal: product.price * quantity };
    });
  }

  get itemCount(): number {
    return [...this.#quantities.values()].reduce((sum, q) => sum + q, 0);
  }

  get subtotal(): Cents {
    return this.lines.reduce((sum, line) => sum + line.lineTotal, 0);
  }

  get weightGrams(): number {
    return [...this.#quantities].reduce((sum, [sku, q]) => sum + this.#catalog.require(sku).weightGrams * q, 0);
  }

  quantityOf(sku: string): number {
    return this.#quantities.get(sku) ?? 0;
  }
}

export class CartStore {
  readonly #catalog: Catalog;
  readonly #carts = new Map<string, Cart>();
  #nextId = 1;

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  create(customerId?: string): Cart {
    const cart = new Cart(this.#catalog, `cart-${String(this.#nextId++).padStart(4, "0")}`, customerId);
    this.#carts.set(cart.id, cart);
    return cart;
  }

  forCustomer(customerId: string): Cart | undefined {
    return [...this.#carts.values()].find((c) => c.customerId === customerId);
  }

  /** On sign-in the guest cart is folded into the customer's saved cart. */
  mergeOnSignIn(guest: Cart, customerId: string): Cart {
    const saved = this.forCustomer(customerId);
    // Demo defect: a customer who never had a saved cart has none here, and the
    // merge dereferences it anyway instead of adopting the guest cart.
    for (const line of guest.lines) {
      const room = Math.min(MAX_QUANTITY_PER_LINE - saved!.quantityOf(line.sku), line.quantity);
      if (room > 0) saved!.add(line.sku, room);
    }
    this.#carts.delete(guest.id);
    return saved!;
  }
}
