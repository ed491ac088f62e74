import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signBody } from "../../kit";
import { handleGraphql } from "./fake-admin-graphql";
import { type FakeShop, newShop } from "./fake-shop";

// A loopback fake Shopify for connector tests (127.0.0.1 only). It serves the Admin GraphQL operations
// the connector uses with Shopify's payload shapes (userErrors with HTTP 200, a lagging asyncUsageCount,
// an asynchronous redeem-code bulk add) and sends signed webhooks the way Shopify does: retries on a
// non-2xx answer, duplicates, a bad signature, and any order the test likes (cancel before create).

export type { FakeShop } from "./fake-shop";

/** One webhook delivery attempt and what the connector answered. */
export type Delivery = { topic: string; webhookId: string; attempt: number; status: number; body: string };

/** Options of one delivery. */
export type DeliverOptions = { webhookId?: string; badSignature?: boolean; retries?: number; apiVersion?: string };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the fake on 127.0.0.1:0; `webhookUrl` and `secret` say where and how it signs deliveries. */
export async function startFakeShopify(opts: { shop: string; accessToken: string; secret: string; apiVersion?: string }) {
  const shop: FakeShop = newShop();
  const version = opts.apiVersion ?? "2025-10";
  const deliveries: Delivery[] = [];
  let seq = 0;
  let webhookUrl = "";

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== "POST" || req.url !== `/admin/api/${version}/graphql.json`) return send(404, { errors: "Not Found" });
    if (req.headers["x-shopify-access-token"] !== opts.accessToken) {
      return send(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
    if (shop.throttleNext > 0) {
      shop.throttleNext -= 1;
      return send(429, { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }, { "retry-after": "0" });
    }
    let parsed: { query?: string; variables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(400, { errors: [{ message: "Invalid JSON" }] });
    }
    send(200, handleGraphql(shop, parsed.query ?? "", parsed.variables ?? {}));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Sends one webhook like Shopify: signed over the raw body, retried (immediately here) on non-2xx. */
  async function deliver(topic: string, payload: unknown, o: DeliverOptions = {}): Promise<Delivery[]> {
    const raw = JSON.stringify(payload);
    const webhookId = o.webhookId ?? `wh-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
    const signature = o.badSignature ? signBody(raw, "not-the-secret") : signBody(raw, opts.secret);
    const out: Delivery[] = [];
    // Shopify retries 8 times over 4 hours; the fake retries at once, `retries` times.
    for (let attempt = 1; attempt <= 1 + (o.retries ?? 0); attempt++) {
      const res = await fetch(webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-hmac-sha256": signature,
          "x-shopify-shop-domain": opts.shop, "x-shopify-webhook-id": webhookId, "x-shopify-event-id": `ev-${webhookId}`,
          "x-shopify-triggered-at": new Date().toISOString(), "x-shopify-api-version": o.apiVersion ?? version,
        },
        body: raw,
      });
      const d = { topic, webhookId, attempt, status: res.status, body: await res.text() };
      out.push(d);
      deliveries.push(d);
      if (res.ok) break;
    }
    return out;
  }

  return {
    shop,
    deliveries,
    adminApiUrl: `${base}/admin/api/${version}/graphql.json`,
    /** Where deliveries go (the connector's POST /webhooks/shopify). */
    setWebhookUrl(url: string) {
      webhookUrl = url;
    },
    deliver,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

export type FakeShopify = Awaited<ReturnType<typeof startFakeShopify>>;
