import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMcpRequest } from "@/server/mcp";
import { makeTenantWithKeys } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";
import { type Served, serveFetch } from "./support/node-http";

// /api/mcp over real HTTP on 127.0.0.1 with the SDK's own Client and Streamable HTTP transport.
// A tiny node:http server hands each request to the same handler the app mounts.

let t: TestDatabase;
let served: Served;
let url: URL;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
  api = apiClient(t.database);
  await api("PUT", "/api/discount-policies/shopify", { key: keys.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true } });
  await api("PUT", "/api/budget", { key: keys.admin.key, body: { cap_cents: 1_000_000, period: "month" } });
  served = await serveFetch((req) => handleMcpRequest(req, { db: t.database, now: () => new Date(), platformKey: TEST_PLATFORM_KEY }));
  url = new URL(`${served.url}/api/mcp`);
});
afterAll(async () => {
  await served?.close();
  await t?.cleanup();
});

async function connect(key: string) {
  const client = new Client({ name: "mcp-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  return client;
}
const json = (r: any) => JSON.parse(r.content[0].text);
const today = new Date().toISOString().slice(0, 10);

describe("MCP server", () => {
  it("lists only the tools the key's role may call, with input and output schemas from the zod schemas", async () => {
    const client = await connect(keys.connector.key);
    const { tools } = await client.listTools();
    const names = tools.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["create_discount_code", "validate_discount_code", "redeem_discount_code", "record_kpi_snapshot"]));
    expect(names).not.toContain("set_discount_policy");
    expect(names).not.toContain("draft_offer");
    const create = tools.find((x) => x.name === "create_discount_code")!;
    expect(create.inputSchema.type).toBe("object");
    expect(create.inputSchema.properties).toHaveProperty("discount_type");
    expect(create.outputSchema?.type).toBe("object");
    expect(create.outputSchema?.properties).toHaveProperty("promo_code");
    await client.close();
  });

  it("annotates reads and validate read-only, redeem idempotent, void and deactivate destructive", async () => {
    const client = await connect(keys.admin.key);
    const { tools } = await client.listTools();
    const hints = (name: string) => tools.find((x) => x.name === name)?.annotations;
    expect(hints("validate_discount_code")).toMatchObject({ readOnlyHint: true });
    expect(hints("list_redemptions")).toMatchObject({ readOnlyHint: true });
    expect(hints("get_budget_headroom")).toMatchObject({ readOnlyHint: true });
    expect(hints("redeem_discount_code")).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: false });
    expect(hints("reserve_discount_code")).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: false });
    expect(hints("void_redemption")).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(hints("deactivate_discount_code")).toMatchObject({ destructiveHint: true });
    expect(hints("create_discount_code")).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    const withoutOutput = tools.filter((x) => x.outputSchema?.type !== "object").map((x) => x.name);
    expect(withoutOutput).toEqual([]);
    await client.close();
  });

  it("returns structuredContent that matches the text, and refuses 90% with isError and policy_violation", async () => {
    const client = await connect(keys.connector.key);
    const ok = await client.callTool({ name: "create_discount_code", arguments: { surface: "shopify", discount_type: "percentage", value: 15, promo_code: "MCP15" } });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent).toMatchObject({ promo_code: "MCP15", issuer_type: "connector", provider: "shopify" });
    expect(json(ok)).toEqual(ok.structuredContent);
    const bad = await client.callTool({ name: "create_discount_code", arguments: { surface: "shopify", discount_type: "percentage", value: 90, promo_code: "MCP90" } });
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent).toBeUndefined();
    expect(json(bad).error.code).toBe("policy_violation");
    await client.close();
  });

  it("redeems idempotently and answers a spent usage limit with isError and usage_limit", async () => {
    const client = await connect(keys.connector.key);
    await client.callTool({ name: "create_discount_code", arguments: { surface: "shopify", discount_type: "fixed", value: 500, promo_code: "MCPONE", usage_limit: 1 } });
    const body = { promo_code: "MCPONE", surface: "shopify", order_total_cents: 5000, customer_id: "c1", idempotency_key: "mcp-k1" };
    const first = await client.callTool({ name: "redeem_discount_code", arguments: body });
    const replay = await client.callTool({ name: "redeem_discount_code", arguments: body });
    expect(first.isError).toBeFalsy();
    expect((replay.structuredContent as any).redemption_id).toBe((first.structuredContent as any).redemption_id);
    const second = await client.callTool({ name: "redeem_discount_code", arguments: { ...body, customer_id: "c2", idempotency_key: "mcp-k2" } });
    expect(second.isError).toBe(true);
    expect(json(second).error.code).toBe("usage_limit");
    await client.close();
  });

  it("does not run a connector's policy or budget change even when called by name", async () => {
    const client = await connect(keys.connector.key);
    const policy = await client.callTool({ name: "set_discount_policy", arguments: { surface: "shopify", min_percent: 0, max_percent: 100, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true } });
    expect(policy.isError).toBe(true);
    const budget = await client.callTool({ name: "set_budget", arguments: { cap_cents: 1, period: "month" } });
    expect(budget.isError).toBe(true);
    expect((await api("GET", "/api/discount-policies/shopify", { key: keys.admin.key })).body.max_percent).toBe(25);
    expect((await api("GET", "/api/budget", { key: keys.admin.key })).body.cap_cents).toBe(1_000_000);
    await client.close();
  });

  it("drafts an offer from a brief with checks, and saves it as a draft for a marketer and active for an admin", async () => {
    const brief = `15% off for students on shopify from ${today} to 2099-12-31, budget $2,000, code STUDY15`;
    const marketer = await connect(keys.marketer.key);
    const planned = await marketer.callTool({ name: "draft_offer", arguments: { brief, today } });
    expect(planned.isError).toBeFalsy();
    const { draft, validation } = planned.structuredContent as any;
    expect(draft).toMatchObject({ offerValue: 15, promoCode: "STUDY15", surface: "shopify" });
    expect(validation).toMatchObject({ ok: true, reasons: [] });
    const saved = await marketer.callTool({ name: "commit_offer_draft", arguments: { draft } });
    expect(saved.isError).toBeFalsy();
    expect(saved.structuredContent).toMatchObject({ offer_status: "draft", promo_code: "STUDY15" });
    await marketer.close();

    const admin = await connect(keys.admin.key);
    const active = await admin.callTool({ name: "commit_offer_draft", arguments: { draft: { ...draft, promoCode: "STUDY15B" } } });
    expect(active.structuredContent).toMatchObject({ offer_status: "active", promo_code: "STUDY15B" });
    const tooBig = await admin.callTool({ name: "commit_offer_draft", arguments: { draft: { ...draft, offerValue: 60, promoCode: "STUDY60" } } });
    expect(tooBig.isError).toBe(true);
    expect(json(tooBig).error.code).toBe("policy_violation");
    await admin.close();
  });

  it("answers a missing or wrong key with 401 before speaking MCP", async () => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: "Bearer nope" }, body: "{}" });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });
});
