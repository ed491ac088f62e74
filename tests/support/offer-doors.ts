import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Database } from "@/db/database";
import { handleMcpRequest } from "@/server/mcp";
import { makeTenantWithKeys } from "./fixtures";
import { apiClient, TEST_PLATFORM_KEY } from "./http";
import { type Served, serveFetch } from "./node-http";

// Shared setup of the issue 10 door tests for offers (doors 1, 2 and 8): a tenant with a shopify
// policy (no KPI floors, so only the door under test can refuse), a budget, and probes that read
// what must not move — ledger, counters, spend and code status — through the public REST surface.

export type Clock = { now: Date };

/** A tenant with keys of each role, a 5–25% shopify policy and a monthly budget, on a test clock. */
export async function offerDoorTenant(db: Database, clock: Clock) {
  const keys = await makeTenantWithKeys(db);
  const call = apiClient(db, { now: () => clock.now });
  const policy = { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true };
  must(await call("PUT", "/api/discount-policies/shopify", { key: keys.admin.key, body: policy }), 200);
  must(await call("PUT", "/api/budget", { key: keys.admin.key, body: { cap_cents: 10_000_000, period: "month" } }), 200);
  const t = {
    ...keys,
    call,
    /** An offer with a governed shopify code; marketers get drafts, admins may pass offer_status. */
    async offer(key: string, extra: Record<string, unknown> = {}) {
      const body = {
        offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%", offer_redemption_methods: ["promo_code"],
        surface: "shopify", promo_code: `D${randomUUID().slice(0, 8).toUpperCase()}`, ...extra,
      };
      const res = must(await call("POST", "/dashboard/offers", { key, body }), 201);
      return res.body as { offer_id: string; offer_status: string; promo_codes: { code_id: string; promo_code: string; status: string }[] };
    },
    redeem(promo_code: string, key = keys.connector.key) {
      return call("POST", "/dashboard/promo-codes/redeem", {
        key, headers: { "Idempotency-Key": randomUUID() },
        body: { promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: `c-${randomUUID()}` },
      });
    },
    validate(promo_code: string, key = keys.connector.key) {
      return call("POST", "/dashboard/promo-codes/validate", { key, body: { promo_code, surface: "shopify", order_total_cents: 10_000 } });
    },
    async codeStatus(codeId: string) {
      return must(await call("GET", `/dashboard/promo-codes/${codeId}`, { key: keys.admin.key }), 200).body.status as string;
    },
    /** What must not move when a door refuses: ledger size, spent cents and every code's status and count. */
    async moneyState() {
      const ledger = must(await call("GET", "/dashboard/redemptions?limit=1", { key: keys.admin.key }), 200).body.total_count;
      const spent = must(await call("GET", "/api/budget", { key: keys.admin.key }), 200).body.spent_cents;
      const codes = must(await call("GET", "/dashboard/promo-codes?limit=100", { key: keys.admin.key }), 200).body.promo_codes
        .map((c: { code_id: string; status: string; redemption_count: number }) => `${c.code_id}:${c.status}:${c.redemption_count}`).sort();
      return { ledger, spent, codes };
    },
  };
  return t;
}

/** Fails with the body when the status is not the expected one (why: a wrong status explains itself). */
export function must<R extends { status: number; body: unknown }>(res: R, status: number): R {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** The /api/mcp endpoint on loopback, served by the same handler the app mounts. */
export async function serveMcp(db: Database, clock: Clock): Promise<Served & { connect: (key: string) => Promise<Client> }> {
  const served = await serveFetch((req) => handleMcpRequest(req, { db, now: () => clock.now, platformKey: TEST_PLATFORM_KEY }));
  const url = new URL(`${served.url}/api/mcp`);
  return {
    ...served,
    async connect(key: string) {
      const client = new Client({ name: "door-test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
      return client;
    },
  };
}

/** The error code of a refused MCP tool call (isError with our error body; the SDK's own text otherwise). */
export function mcpErrorCode(result: unknown): string | null {
  const r = result as { isError?: boolean; content?: { text?: string }[] };
  if (!r.isError) return null;
  const text = r.content?.[0]?.text ?? "";
  try {
    return JSON.parse(text).error?.code ?? null;
  } catch {
    return text;
  }
}
