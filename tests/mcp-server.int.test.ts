import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMcpRequest } from "@/app/api/mcp/server";
import { makeTenantWithKeys } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";

// /api/mcp over real HTTP on 127.0.0.1 with the SDK's own Client and Streamable HTTP transport.
// A tiny node:http server hands each request to the same handler the Next route uses.

let t: TestDatabase;
let server: http.Server;
let url: URL;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
  const api = apiClient(t.database);
  await api("PUT", "/api/discount-policies/shopify", { key: keys.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true } });
  await api("PUT", "/api/budget", { key: keys.admin.key, body: { cap_cents: 1_000_000, period: "month" } });
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]] as [string, string][])));
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handleMcpRequest(request, { db: t.database, now: () => new Date(), platformKey: TEST_PLATFORM_KEY });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mcp`);
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await t?.cleanup();
});

async function connect(key: string) {
  const client = new Client({ name: "mcp-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  return client;
}
const json = (r: any) => JSON.parse(r.content[0].text);

describe("MCP server", () => {
  it("lists only the tools the key's role may call, with JSON Schema inputs from the zod schemas", async () => {
    const client = await connect(keys.connector.key);
    const { tools } = await client.listTools();
    const names = tools.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["create_discount_code", "validate_discount_code", "redeem_discount_code", "record_kpi_snapshot"]));
    expect(names).not.toContain("set_discount_policy");
    expect(names).not.toContain("set_budget");
    const create = tools.find((x) => x.name === "create_discount_code")!;
    expect(create.inputSchema.type).toBe("object");
    expect(create.inputSchema.properties).toHaveProperty("discount_type");
    await client.close();
  });

  it("lets a connector create a code (issued as connector + provider) and refuses 90% with policy_violation", async () => {
    const client = await connect(keys.connector.key);
    const ok = await client.callTool({ name: "create_discount_code", arguments: { surface: "shopify", discount_type: "percentage", value: 15, promo_code: "MCP15" } });
    expect(ok.isError).toBeFalsy();
    expect(json(ok)).toMatchObject({ promo_code: "MCP15", issuer_type: "connector", provider: "shopify" });
    const bad = await client.callTool({ name: "create_discount_code", arguments: { surface: "shopify", discount_type: "percentage", value: 90, promo_code: "MCP90" } });
    expect(bad.isError).toBe(true);
    expect(json(bad).error.code).toBe("policy_violation");
    await client.close();
  });

  it("refuses a connector's policy and budget changes even when called by name", async () => {
    const client = await connect(keys.connector.key);
    const policy = await client.callTool({ name: "set_discount_policy", arguments: { surface: "shopify", min_percent: 0, max_percent: 100, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true } });
    expect(policy.isError).toBe(true);
    expect(json(policy).error.code).toBe("forbidden");
    const budget = await client.callTool({ name: "set_budget", arguments: { cap_cents: 1, period: "month" } });
    expect(json(budget).error.code).toBe("forbidden");
    await client.close();
  });

  it("answers a missing or wrong key with 401 before speaking MCP", async () => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: "Bearer nope" }, body: "{}" });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });
});
