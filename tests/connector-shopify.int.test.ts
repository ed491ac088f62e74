import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ShopifyConfig } from "@/connectors/shopify/config";
import { createShopifyConnector, type ShopifyConnector } from "@/connectors/shopify/connector";
import { driftCount } from "@/connectors/shopify/reconcile";
import { type FakeShopify, startFakeShopify } from "@/connectors/shopify/test/fake-shopify";
import { cancelOrder, placeOrder, refundOf, settleUsage } from "@/connectors/shopify/test/fake-shop";
import { createApiApp } from "@/server/api";
import { makeTenantWithKeys } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";
import { type Served, serveFetch } from "./support/node-http";

// End to end over real HTTP on 127.0.0.1: the real core (REST + MCP), the real Shopify connector (talking
// to the core only through the kit) and a fake Shopify (Admin GraphQL + signed webhooks). A brief becomes
// an agent-committed offer, its code appears in "Shopify", orders land in the ledger, the connector's KPI
// feed trips a floor that stops the next redemption (a recorded breach), cancels void, and reconcile
// reports no drift after duplicate, concurrent, retried and out-of-order deliveries.

const SHOP = "e2e-demo.myshopify.com";
const today = new Date().toISOString().slice(0, 10);
const timeline: { step: string; ms: number }[] = [];
const t0 = performance.now();
const mark = (step: string) => timeline.push({ step, ms: Math.round(performance.now() - t0) });

let t: TestDatabase;
let core: Served;
let hook: Served;
let fake: FakeShopify;
let connector: ShopifyConnector;
let cfg: ShopifyConfig;
let api: ReturnType<typeof apiClient>;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let flaky = 0;
let promo = "";

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
  api = apiClient(t.database);
  const floors = [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }];
  await api("PUT", "/api/discount-policies/shopify", { key: keys.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: floors, max_snapshot_age_seconds: 86400, enabled: true } });
  await api("PUT", "/api/budget", { key: keys.admin.key, body: { cap_cents: 10_000_000, period: "month" } });
  for (const [kpi, value] of [["profit", 100_000], ["mer", 3]] as const) {
    await api("POST", "/api/kpi-snapshots", { key: keys.admin.key, body: { kpi, value, surface: "shopify" } });
  }
  const deps = { db: t.database, now: () => new Date(), platformKey: TEST_PLATFORM_KEY };
  const app = createApiApp(async () => deps);
  core = await serveFetch(async (req) => app.fetch(req));
  fake = await startFakeShopify({ shop: SHOP, accessToken: "shpat_test", secret: "whsec_test" });
  cfg = {
    port: 0, coreUrl: core.url, coreApiKey: keys.connector.key, shop: SHOP, adminApiUrl: fake.adminApiUrl, accessToken: "shpat_test",
    webhookSecret: "whsec_test", kpiPushSeconds: 300, syncSeconds: 10, marketingSpendCents: 40_000, costRate: 0.4,
    stateDir: await mkdtemp(path.join(tmpdir(), "connector-shopify-")),
  };
  // The core's transport, with a switch that drops the next `flaky` calls as network failures.
  const fetchCore = async (req: Request) => {
    if (flaky > 0) {
      flaky -= 1;
      throw new TypeError("fetch failed (simulated network drop)");
    }
    return fetch(req);
  };
  connector = createShopifyConnector(cfg, { fetchCore, log: () => {} });
  hook = await serveFetch((req) => connector.handle(req));
  fake.setWebhookUrl(`${hook.url}/webhooks/shopify`);
  mark("core, fake Shopify and connector listening");
});
afterAll(async () => {
  console.log(`connector e2e timeline (ms since start):\n${timeline.map((s) => `  ${String(s.ms).padStart(6)}  ${s.step}`).join("\n")}`);
  await hook?.close();
  await fake?.close();
  await core?.close();
  await t?.cleanup();
});

const ledger = async () => (await api("GET", "/dashboard/redemptions?limit=100", { key: keys.admin.key })).body.redemptions as any[];
const order = (id: number, customerId: number) => placeOrder(fake.shop, { id, code: promo, subtotalCents: 20_000, discountCents: 3_000, customerId });

describe("Shopify connector end to end", () => {
  it("an agent-committed offer's code is pushed to Shopify (userErrors recorded, then resumed without duplicates)", async () => {
    const mcp = new Client({ name: "e2e-agent", version: "1.0.0" });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${core.url}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${keys.admin.key}` } } }));
    const planned = await mcp.callTool({ name: "draft_offer", arguments: { brief: `15% off for students on shopify from ${today} to 2099-12-31, budget $2,000, code STUDY15`, today } });
    const saved = await mcp.callTool({ name: "commit_offer_draft", arguments: { draft: (planned.structuredContent as any).draft } });
    await mcp.close();
    expect(saved.structuredContent).toMatchObject({ offer_status: "active", promo_code: "STUDY15" });
    promo = "STUDY15";
    mark("brief → draft_offer → commit_offer_draft (admin, active, code STUDY15)");

    fake.shop.rejectNextCreate = [{ field: ["basicCodeDiscount", "code"], code: "INVALID", message: "Code is temporarily unavailable" }];
    fake.shop.throttleNext = 1;
    const refused = await connector.syncOnce();
    expect(refused.errors).toEqual([{ promo_code: promo, message: expect.stringContaining("temporarily unavailable") }]);
    expect(fake.shop.discounts).toHaveLength(0);
    const pushed = await connector.syncOnce();
    expect(pushed.created).toEqual([promo]);
    const restarted = createShopifyConnector(cfg, { log: () => {} });
    expect(await restarted.syncOnce()).toMatchObject({ created: [], adopted: [] });
    expect(fake.shop.discounts).toHaveLength(1);
    const input = fake.shop.discounts[0].input;
    expect(fake.shop.discounts[0].typename).toBe("DiscountCodeBasic");
    expect(input).toMatchObject({ code: promo, customerGets: { value: { percentage: 0.15 }, items: { all: true } }, context: { all: "ALL" } });
    expect(input.endsAt).toMatch(/^2099-12-31/);
    mark("sync: userErrors (HTTP 200) recorded, 429 retried, discountCodeBasicCreate on the next pass, restart created nothing");
  });

  it("orders redeem once despite duplicates, concurrent subscriptions, retries and a bad signature", async () => {
    const o1 = order(9001, 501);
    const first = await fake.deliver("orders/create", o1, { webhookId: "wh-o1" });
    expect(first.at(-1)?.status).toBe(200);
    expect((await fake.deliver("orders/create", o1, { webhookId: "wh-o1" }))[0].body).toContain("duplicate");
    expect((await fake.deliver("orders/create", { ...o1, discount_codes: [] }, { badSignature: true }))[0].status).toBe(401);
    const o2 = order(9002, 502);
    await Promise.all([fake.deliver("orders/create", o2), fake.deliver("orders/create", o2)]);
    const o4 = order(9004, 504);
    flaky = 4;
    const retried = await fake.deliver("orders/create", o4, { retries: 2 });
    expect(retried.map((d) => d.status)).toEqual([500, 200]);
    const rows = await ledger();
    expect(rows.filter((r) => r.kind === "redemption").map((r) => r.order_id).sort()).toEqual(["9001", "9002", "9004"]);
    expect(rows[0]).toMatchObject({ promo_code: promo, order_total_cents: 17_000, discount_cents: 2_550, provider: "shopify", issuer_type: "connector" });
    mark("orders/create ×6 deliveries (dup id, 2 concurrent, 1 retried after a core outage, 1 bad signature) → 3 redemptions");
  });

  it("a cancel that arrives before its create leaves nothing redeemed, and reconcile shows no drift once usage settles", async () => {
    const o5 = order(9005, 505);
    cancelOrder(fake.shop, 9005);
    await fake.deliver("orders/cancelled", o5);
    await fake.deliver("orders/create", { ...o5, cancelled_at: null });
    expect((await ledger()).some((r) => r.order_id === "9005")).toBe(false);
    const lagging = await connector.reconcile();
    expect(lagging.usage_mismatch).toEqual([{ promo_code: promo, core_uses: 3, shopify_uses: 0, explained: 0 }]);
    settleUsage(fake.shop);
    const drift = await connector.reconcile();
    expect(drift).toEqual({ missing_in_shopify: [], missing_in_core: [], usage_mismatch: [] });
    expect(driftCount(drift)).toBe(0);
    mark("cancel-before-create: no redemption; reconcile drift 0 after settle (lagging count seen first)");
  });

  it("the connector's KPI feed trips the mer floor: the next order is refused and recorded as a breach", async () => {
    const pushed = await connector.pushKpisOnce();
    expect(pushed).toEqual([{ kpi: "profit", value: 51_000 - 20_400 - 9_000 - 40_000 }, { kpi: "mer", value: 1.275 }]);
    mark("KPI feed pushed profit and mer from the orders seen");
    const o3 = order(9003, 503);
    expect((await fake.deliver("orders/create", o3))[0].status).toBe(200);
    expect((await ledger()).some((r) => r.order_id === "9003")).toBe(false);
    const state = await connector.store.read();
    expect(state.breaches).toEqual([expect.objectContaining({ order_id: "9003", promo_code: promo, code: "kpi_floor" })]);
    const audit = (await api("GET", "/api/audit?action=redeem_discount_code&limit=100", { key: keys.admin.key })).body;
    const refusal = audit.entries.find((e: any) => !e.allowed && e.details?.order_id === "9003");
    expect(refusal).toMatchObject({ allowed: false, reasons: expect.arrayContaining([expect.objectContaining({ code: "kpi_floor" })]) });
    // The control room reads the same audit rows (list_governance_decisions, here over MCP as the admin).
    const mcp = new Client({ name: "control-room", version: "1.0.0" });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${core.url}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${keys.admin.key}` } } }));
    const room = (await mcp.callTool({ name: "list_governance_decisions", arguments: {} })).structuredContent as any;
    await mcp.close();
    expect(room.by_reason).toEqual(expect.arrayContaining([expect.objectContaining({ code: "kpi_floor" })]));
    expect(room.recent_rejections[0]).toMatchObject({ action: "redeem_discount_code", provider: "shopify", issuer_type: "connector" });
    mark("floor stops order 9003: kpi_floor breach in the connector, a refused redeem in the audit log and the control room");
  });

  it("cancels and full refunds void; the breach shows as drift until its order is cancelled", async () => {
    const spentBefore = (await api("GET", "/api/budget", { key: keys.admin.key })).body.spent_cents;
    const o1 = cancelOrder(fake.shop, 9001);
    await fake.deliver("orders/cancelled", o1);
    await fake.deliver("orders/cancelled", o1);
    await fake.deliver("refunds/create", refundOf(fake.shop.orders.get(9002)!, 17_000));
    const voids = (await ledger()).filter((r) => r.kind === "void");
    expect(voids).toHaveLength(2);
    expect((await api("GET", "/api/budget", { key: keys.admin.key })).body.spent_cents).toBe(spentBefore - 2 * 2_550);
    mark("orders/cancelled (twice) and a full refund → 2 voids, budget given back");
    settleUsage(fake.shop);
    const breachDrift = await connector.reconcile();
    // Shopify counts 9002 (refunded, still a use), 9003 (the breach) and 9004; the core counts 9004 only.
    expect(breachDrift.usage_mismatch).toEqual([{ promo_code: promo, core_uses: 1, shopify_uses: 3, explained: 1 }]);
    cancelOrder(fake.shop, 9003);
    await fake.deliver("orders/cancelled", fake.shop.orders.get(9003));
    settleUsage(fake.shop);
    expect(driftCount(await connector.reconcile())).toBe(0);
    mark("reconcile: breach visible as usage drift, 0 after the breached order is cancelled");
  });

  it("a checkout it can see is held: the code's last use waits for that checkout's order", async () => {
    for (const [kpi, value] of [["profit", 100_000], ["mer", 3]] as const) {
      await api("POST", "/api/kpi-snapshots", { key: keys.admin.key, body: { kpi, value, surface: "shopify" } });
    }
    await connector.core.issueCode({ surface: "shopify", discount_type: "percentage", value: 10, usage_limit: 1, promo_code: "LASTONE" });
    expect((await connector.syncOnce()).created).toEqual(["LASTONE"]);
    const cart = (token: string, customerId: number) => ({
      token, email: `buyer${customerId}@example.com`, customer: { id: customerId }, subtotal_price: "180.00", total_price: "180.00",
      discount_codes: [{ code: "LASTONE", amount: "20.00", type: "percentage" }],
    });
    expect((await fake.deliver("checkouts/update", cart("ck-601", 601)))[0].status).toBe(200);
    expect((await fake.deliver("checkouts/update", cart("ck-602", 602)))[0].status).toBe(200);
    const other = await api("POST", "/dashboard/promo-codes/validate", { key: keys.connector.key, body: { promo_code: "LASTONE", surface: "shopify", order_total_cents: 18_000, customer_id: "602" } });
    expect(other.body.reasons).toEqual([expect.objectContaining({ code: "usage_limit" })]);
    const o = { ...placeOrder(fake.shop, { id: 9101, code: "LASTONE", subtotalCents: 20_000, discountCents: 2_000, customerId: 601 }), checkout_token: "ck-601" };
    expect((await fake.deliver("orders/create", o))[0].status).toBe(200);
    const audit = (await api("GET", "/api/audit?action=redeem_discount_code&limit=5", { key: keys.admin.key })).body.entries;
    expect(audit.find((e: any) => e.details?.order_id === "9101")).toMatchObject({ allowed: true, details: { reservation_id: expect.any(String) } });
    mark("checkouts/update → reserve (a second cart refused: usage_limit); orders/create redeems with the hold");
  });

  it("a code deactivated in the core is deactivated in Shopify", async () => {
    const codes = (await api("GET", "/dashboard/promo-codes?surface=shopify", { key: keys.admin.key })).body.promo_codes;
    const study = codes.find((c: any) => c.promo_code === promo);
    const del = await api("DELETE", `/dashboard/promo-codes/${study.code_id}`, { key: keys.admin.key });
    expect(del.status).toBeLessThan(300);
    expect((await connector.syncOnce()).deactivated).toEqual([promo]);
    expect(fake.shop.discounts.find((d) => d.code === promo)?.status).toBe("EXPIRED");
    settleUsage(fake.shop);
    expect(await connector.reconcile()).toEqual({ missing_in_shopify: [], missing_in_core: [], usage_mismatch: [] });
    mark("core deactivation → discountCodeDeactivate; drift 0");
  });
});
