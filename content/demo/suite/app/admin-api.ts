import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { OrderStatus, OrderStore } from "./orders.ts";
import { trackingUrl } from "./orders.ts";

/** The back-office JSON API, served over real HTTP on a random local port. */
export const startAdminApi = async (orders: OrderStore): Promise<{ baseUrl: string; close: () => Promise<void> }> => {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "GET") return send(405, { error: "method not allowed" });
    if (url.pathname === "/admin/orders") {
      const found = orders.search({
        email: url.searchParams.get("email") ?? undefined,
        status: (url.searchParams.get("status") as OrderStatus | null) ?? undefined,
      });
      return send(200, { orders: found.map((o) => ({ id: o.id, email: o.customerEmail, status: o.status, total: o.total })) });
    }
    const match = /^\/admin\/orders\/([A-Z]+-\d+)$/.exec(url.pathname);
    if (match) {
      try {
        const order = orders.get(match[1]!);
        return send(200, { ...order, trackingUrl: trackingUrl(order) ?? null });
      } catch (error) {
        return send(404, { error: (error as Error).message });
      }
    }
    return send(404, { error: `no route for ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
