import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMcpRequest } from "@/server/mcp";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { TEST_PLATFORM_KEY } from "./support/http";
import { serveFetch } from "./support/node-http";
import { discountState } from "./support/discount-state";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Door 5 of issue 10 (CONTRACT §6): a connector key has surfaces (default [its provider]). Outside them it
// gets 403 on create, validate, redeem and void, and nothing moves. KPI snapshots without a surface are
// admin-only; a connector pushes readings only for its own surfaces.

let t: TestDatabase;
const clock = testClock();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

async function connectorKey(g: GovernedTenant, body: Record<string, unknown>) {
  const res = await g.call("POST", `/api/tenants/${g.tenantId}/api-keys`, { key: g.admin.key, body: { role: "connector", ...body } });
  expectStatus(res, 201);
  return res.body as { api_key_id: string; key: string; surfaces: string[] };
}

describe("connector surfaces", () => {
  it("a Wix connector cannot issue, validate, redeem or void on Shopify; nothing moves", async () => {
    const g = await governedTenant(t.database, clock);
    const wix = await connectorKey(g, { provider: "wix" });
    expect(wix.surfaces).toEqual(["wix"]);
    const code = await g.createCode({ value: 10 });
    const redeemed = await g.redeem({ promo_code: code.promo_code });
    expectStatus(redeemed, 201);
    const before = await discountState(t.database, g.tenantId);

    const tries = [
      await g.call("POST", "/dashboard/promo-codes", { key: wix.key, body: { surface: "shopify", discount_type: "percentage", value: 10 } }),
      await g.validate({ promo_code: code.promo_code }, wix.key),
      await g.redeem({ promo_code: code.promo_code }, "wix-1", wix.key),
      await g.call("POST", `/dashboard/redemptions/${redeemed.body.redemption_id}/void`, { key: wix.key, body: {} }),
      await g.call("POST", "/api/kpi-snapshots", { key: wix.key, body: { kpi: "profit", value: 1, surface: "shopify" } }),
    ];
    expect(tries.map((r) => [r.status, r.body.error.code])).toEqual(Array(5).fill([403, "forbidden"]));
    expect(tries[2].body.error.message).toContain("wix");
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
  });

  it("tenant-wide KPI snapshots are admin-only: a connector gets 403 and nothing moves", async () => {
    const g = await governedTenant(t.database, clock);
    const before = await discountState(t.database, g.tenantId);
    const res = await g.call("POST", "/api/kpi-snapshots", { key: g.connector.key, body: { kpi: "profit", value: -100 } });
    expect(res.status).toBe(403);
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
    expectStatus(await g.call("POST", "/api/kpi-snapshots", { key: g.connector.key, body: { kpi: "profit", value: 7, surface: "shopify" } }), 201);
    expectStatus(await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "profit", value: 7 } }), 201);
  });

  it("a key with several surfaces acts on each of them, and only connector keys take surfaces", async () => {
    const g = await governedTenant(t.database, clock);
    expectStatus(await g.call("PUT", "/api/discount-policies/hub", { key: g.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true } }), 200);
    const multi = await connectorKey(g, { provider: "shopify", surfaces: ["shopify", "hub"] });
    expect(multi.surfaces).toEqual(["shopify", "hub"]);
    const hubCode = await g.call("POST", "/dashboard/promo-codes", { key: multi.key, body: { surface: "hub", discount_type: "percentage", value: 10 } });
    expectStatus(hubCode, 201);
    expectStatus(await g.redeem({ promo_code: hubCode.body.promo_code, surface: "hub" }, "hub-1", multi.key), 201);
    // The default shopify connector is not on hub.
    expect((await g.redeem({ promo_code: hubCode.body.promo_code, surface: "hub" }, "hub-2")).status).toBe(403);
    const bad = await g.call("POST", `/api/tenants/${g.tenantId}/api-keys`, { key: g.admin.key, body: { role: "marketer", surfaces: ["hub"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toContain("surfaces");
  });
});

describe("connector surfaces over MCP", () => {
  it("a Wix connector's redeem, validate and KPI push on Shopify are isError forbidden; nothing moves", async () => {
    const g = await governedTenant(t.database, clock);
    const wix = await connectorKey(g, { provider: "wix" });
    const code = await g.createCode({ value: 10 });
    const served = await serveFetch((req) => handleMcpRequest(req, { db: t.database, now: () => clock.now, platformKey: TEST_PLATFORM_KEY }));
    const client = new Client({ name: "surfaces-test", version: "1.0.0" });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(`${served.url}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${wix.key}` } } }));
      const before = await discountState(t.database, g.tenantId);
      const order = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1" };
      const calls = [
        await client.callTool({ name: "redeem_discount_code", arguments: { ...order, idempotency_key: "mcp-wix-1" } }),
        await client.callTool({ name: "validate_discount_code", arguments: order }),
        await client.callTool({ name: "record_kpi_snapshot", arguments: { kpi: "profit", value: -1 } }),
      ];
      for (const r of calls) {
        expect(r.isError).toBe(true);
        expect(JSON.parse((r.content as { text: string }[])[0].text).error.code).toBe("forbidden");
      }
      expect(await discountState(t.database, g.tenantId)).toEqual(before);
    } finally {
      await client.close();
      await served.close();
    }
  });
});
