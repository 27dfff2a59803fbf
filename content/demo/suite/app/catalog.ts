import type { Cents } from "./money.ts";

export type Category = "apparel" | "accessories" | "home" | "outdoor";

export interface Product {
  sku: string;
  name: string;
  category: Category;
  price: Cents;
  stock: number;
  tags?: string[];
  discontinued?: boolean;
  weightGrams: number;
}

export type Availability = "in_stock" | "low_stock" | "out_of_stock" | "discontinued";

export const LOW_STOCK_THRESHOLD = 5;

export const seedProducts = (): Product[] => [
  { sku: "HD-001", name: "Acme Classic Hoodie", category: "apparel", price: 5400, stock: 42, tags: ["cotton", "bestseller"], weightGrams: 650 },
  { sku: "HD-002", name: "Acme Zip Hoodie", category: "apparel", price: 6200, stock: 3, tags: ["cotton"], weightGrams: 700 },
  { sku: "TS-010", name: "Logo T-Shirt", category: "apparel", price: 2200, stock: 120, tags: ["cotton", "bestseller"], weightGrams: 180 },
  { sku: "TS-011", name: "Organic Crew Tee", category: "apparel", price: 2800, stock: 0, tags: ["organic", "cotton"], weightGrams: 190 },
  { sku: "SK-100", name: "Trail Running Socks (3-pack)", category: "apparel", price: 1500, stock: 64, tags: ["running"], weightGrams: 120 },
  { sku: "CP-020", name: "Canvas Cap", category: "accessories", price: 1900, stock: 31, tags: ["canvas"], weightGrams: 90 },
  { sku: "BG-300", name: "Weekender Duffel Bag", category: "accessories", price: 12900, stock: 7, tags: ["canvas", "travel"], weightGrams: 1400 },
  { sku: "BT-050", name: "Insulated Water Bottle", category: "outdoor", price: 3200, stock: 55, tags: ["steel", "hiking"], weightGrams: 410 },
  { sku: "TN-700", name: "Two-Person Trekking Tent", category: "outdoor", price: 24900, stock: 4, tags: ["hiking", "camping"], weightGrams: 2300 },
  { sku: "MG-005", name: "Enamel Camp Mug", category: "home", price: 1400, stock: 88, tags: ["camping"], weightGrams: 260 },
  { sku: "BL-210", name: "Merino Throw Blanket", category: "home", price: 8900, stock: 12, tags: ["wool"], weightGrams: 1100 },
  // No tags: imported from the legacy ERP, which had no tag field.
  { sku: "LM-900", name: "Brass Desk Lamp", category: "home", price: 7600, stock: 9, weightGrams: 1600 },
  { sku: "PN-404", name: "Retro Enamel Pin", category: "accessories", price: 600, stock: 0, tags: ["gift"], discontinued: true, weightGrams: 10 },
];

export class Catalog {
  readonly #products = new Map<string, Product>();

  constructor(products: Product[] = seedProducts()) {
    for (const product of products) this.#products.set(product.sku, { ...product });
  }

  all(): Product[] {
    return [...this.#products.values()];
  }

  get(sku: string): Product | undefined {
    return this.#products.get(sku);
  }

  require(sku: string): Product {
    const product = this.get(sku);
    if (!product) throw new Error(`Unknown SKU ${sku}`);
    return product;
  }

  list(options: { category?: Category; page?: number; pageSize?: number; includeDiscontinued?: boolean } = {}) {
    const { category, page = 1, pageSize = 12, includeDiscontinued = false } = options;
    const matching = this.all()
      .filter((p) => (category ? p.category === category : true))
      .filter((p) => includeDiscontinued || !p.discontinued)
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = (page - 1) * pageSize;
    return {
      items: matching.slice(start, start + pageSize),
      total: matching.length,
      pages: Math.max(1, Math.ceil(matching.length / pageSize)),
    };
  }

  availability(sku: string): Availability {
    const product = this.require(sku);
    if (product.discontinued) return "discontinued";
    if (product.stock === 0) return "out_of_stock";
    if (product.stock <= LOW_STOCK_THRESHOLD) return "low_stock";
    return "in_stock";
  }

  setPrice(sku: string, price: Cents): void {
    if (!Number.isInteger(price) || price <= 0) throw new RangeError(`Invalid price ${price} for ${sku}`);
    this.require(sku).price = price;
  }

  restock(sku: string, quantity: number): void {
    this.require(sku).stock += quantity;
  }
}
