import { AccountService } from "./accounts.ts";
import { CartStore } from "./cart.ts";
import { Catalog } from "./catalog.ts";
import type { CheckoutDeps } from "./checkout.ts";
import { FakeClock } from "./clock.ts";
import { DiscountEngine } from "./discounts.ts";
import { Inventory } from "./inventory.ts";
import { SmtpRelay, WarehouseWebhook } from "./notifications.ts";
import { OrderStore } from "./orders.ts";
import { FakePaymentGateway } from "./payment.ts";
import { RefundService } from "./refunds.ts";
import { SearchService } from "./search.ts";

export interface ShopOptions {
  coldSmtpRelay?: boolean;
  coldSuggestionCache?: boolean;
  inventoryAfterFailover?: boolean;
  warehouseAckLatencyMs?: number;
}

/** The whole shop wired in-process, one instance per test file or test. */
export const createShop = (options: ShopOptions = {}) => {
  const clock = new FakeClock();
  const catalog = new Catalog();
  const inventory = new Inventory(catalog, { afterFailover: options.inventoryAfterFailover });
  const orders = new OrderStore(clock);
  const deps: CheckoutDeps = {
    orders,
    inventory,
    gateway: new FakePaymentGateway(clock),
    discounts: new DiscountEngine(undefined, () => clock.now()),
    mail: new SmtpRelay({ coldStart: options.coldSmtpRelay }),
    warehouse: new WarehouseWebhook({ ackLatencyMs: options.warehouseAckLatencyMs }),
  };
  return {
    clock,
    catalog,
    carts: new CartStore(catalog),
    search: new SearchService(catalog, { coldSuggestionCache: options.coldSuggestionCache }),
    accounts: new AccountService(clock),
    refunds: new RefundService(orders, catalog, clock),
    ...deps,
  };
};

export type Shop = ReturnType<typeof createShop>;
