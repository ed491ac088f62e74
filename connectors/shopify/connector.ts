import { createCoreClient, type DeliveryInbox, MemoryInbox, verifyHmacSignature } from "../kit";
import path from "node:path";
import { createAdminApi } from "./admin-api";
import { onCheckout } from "./checkouts";
import type { ShopifyConfig } from "./config";
import { pushKpis } from "./feed";
import { onOrderCancelled, onOrderCreated, onRefundCreated } from "./observe";
import { syncCodes } from "./push";
import { reconcile } from "./reconcile";
import { StateStore } from "./state";

// The Shopify connector assembled: the kit's client to the core, the Admin API to Shopify, its state,
// its webhook inbox, and a fetch-style handler for GET /health and POST /webhooks/shopify.

/** Injected for tests: transports, clock and log sink. */
export type ConnectorOptions = {
  fetchCore?: (req: Request) => Promise<Response>;
  fetchShopify?: (req: Request) => Promise<Response>;
  now?: () => Date;
  log?: (line: string) => void;
  inbox?: DeliveryInbox;
};

const TOPICS = new Set(["orders/create", "orders/cancelled", "refunds/create", "checkouts/create", "checkouts/update"]);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Builds the connector; nothing runs until `start()` or a call. */
export function createShopifyConnector(cfg: ShopifyConfig, opts: ConnectorOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.log(`[connector:shopify] ${line}`));
  // Webhooks must be answered within 5 s: fewer, shorter retries than background work.
  const retry = { retries: 3, maxDelayMs: 1_000 };
  const core = createCoreClient({ baseUrl: cfg.coreUrl, apiKey: cfg.coreApiKey, fetch: opts.fetchCore, retry });
  const shopify = createAdminApi({ url: cfg.adminApiUrl, accessToken: cfg.accessToken, fetch: opts.fetchShopify });
  const store = new StateStore(cfg.stateDir ? path.join(cfg.stateDir, "state.json") : null);
  const inbox = opts.inbox ?? new MemoryInbox({ file: cfg.stateDir ? path.join(cfg.stateDir, "inbox.json") : undefined });
  const observe = { core, store, shop: cfg.shop, now, log };
  const timers: NodeJS.Timeout[] = [];

  /** One verified, first-time delivery, dispatched by topic. */
  async function dispatch(topic: string, payload: any): Promise<void> {
    if (topic === "orders/create") await onOrderCreated(observe, payload);
    else if (topic === "orders/cancelled") await onOrderCancelled(observe, payload);
    else if (topic === "refunds/create") await onRefundCreated(observe, payload);
    else if (topic.startsWith("checkouts/")) await onCheckout(observe, payload);
  }

  /** POST /webhooks/shopify: verify over the raw body, dedupe on the delivery id, process once. */
  async function webhook(req: Request): Promise<Response> {
    const raw = new Uint8Array(await req.arrayBuffer());
    if (!verifyHmacSignature(raw, req.headers.get("x-shopify-hmac-sha256"), cfg.webhookSecret)) {
      return json(401, { error: "bad signature" });
    }
    const shop = req.headers.get("x-shopify-shop-domain");
    if (shop && shop !== cfg.shop) return json(401, { error: `deliveries for ${shop} are not ours` });
    const topic = req.headers.get("x-shopify-topic") ?? "";
    const id = req.headers.get("x-shopify-webhook-id") ?? req.headers.get("x-shopify-event-id");
    if (!id) return json(400, { error: "missing X-Shopify-Webhook-Id" });
    if (!TOPICS.has(topic)) return json(200, { ignored: topic });
    if (!(await inbox.claim(id))) return json(200, { duplicate: true });
    try {
      await dispatch(topic, JSON.parse(new TextDecoder().decode(raw)));
      await inbox.complete(id);
      return json(200, { ok: true });
    } catch (err) {
      await inbox.release(id);
      log(`delivery ${id} (${topic}) failed, Shopify will retry: ${err instanceof Error ? err.message : String(err)}`);
      return json(500, { error: "processing failed; retry" });
    }
  }

  /** GET /health: 200 once the core answers this connector's key. */
  async function health(): Promise<Response> {
    try {
      await core.listCodes({ limit: 1 });
      return json(200, { status: "ok" });
    } catch (err) {
      return json(503, { status: "unavailable", error: err instanceof Error ? err.message : String(err) });
    }
  }

  const syncOnce = () => syncCodes({ core, shopify, store, now });
  const pushKpisOnce = async () => pushKpis(core, await store.read(), cfg, now());

  /** Runs `fn` every `seconds`, logging (never throwing) failures. */
  function every(seconds: number, name: string, fn: () => Promise<unknown>) {
    const tick = () => fn().catch((e: unknown) => log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`));
    timers.push(setInterval(tick, seconds * 1000));
    void tick();
  }

  return {
    core,
    shopify,
    store,
    /** The HTTP surface: GET /health, POST /webhooks/shopify. */
    async handle(req: Request): Promise<Response> {
      const { pathname } = new URL(req.url);
      if (req.method === "GET" && pathname === "/health") return health();
      if (req.method === "POST" && pathname === "/webhooks/shopify") return webhook(req);
      return json(404, { error: "not found" });
    },
    syncOnce,
    pushKpisOnce,
    reconcile: async () => reconcile({ core, shopify, state: await store.read(), now }),
    /** Starts the push (SYNC_SECONDS) and feed (KPI_PUSH_SECONDS) schedules. */
    start() {
      every(cfg.syncSeconds, "sync", syncOnce);
      every(cfg.kpiPushSeconds, "kpi feed", pushKpisOnce);
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}

export type ShopifyConnector = ReturnType<typeof createShopifyConnector>;
