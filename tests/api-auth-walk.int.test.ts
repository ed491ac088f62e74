import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "@/tools";
import { offerRoutes } from "@/tools/offers";
import { tenancyRoutes } from "@/tools/tenancy/routes";
import { buildOpenApi } from "@/tools/transports/openapi";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeMerchant, makeOffer } from "./offers-support";
import { issueApiKey } from "@/db/api-keys";
import { discountState } from "./support/discount-state";
import { governedTenant, testClock } from "./support/governed-tenant";

// Walks EVERY operation of the generated OpenAPI document (so routes added later are covered too):
// without a key → 401 unless public; with another tenant's key on routes with id path params → 404
// (or 403 where the role lacks the permission), never a 2xx or a 5xx.

type Schema = Record<string, any>;
type Operation = { operationId: string; security?: unknown[]; parameters?: Schema[]; requestBody?: { content: Record<string, { schema: Schema }> } };
const doc = buildOpenApi(ROUTES) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

const STRING_CANDIDATES = ["shopify", "ABC123", "2026-12-01", "en", "x", "profit", "a@example.com"];

/** A minimal value that satisfies a JSON schema well enough to get past input validation. */
function sample(s: Schema | undefined): unknown {
  if (!s) return "x";
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum.find((v: unknown) => v !== null);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return sample(alts.find((a: Schema) => a.type !== "null") ?? alts[0]);
  if (s.allOf) return sample(s.allOf[0]);
  const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== "null") : s.type;
  if (type === "object") return Object.fromEntries((s.required ?? []).map((k: string) => [k, sample(s.properties?.[k])]));
  if (type === "array") return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items));
  if (type === "boolean") return true;
  if (type === "integer" || type === "number") {
    let v = 1;
    if (typeof s.minimum === "number" && s.minimum > v) v = s.minimum;
    if (typeof s.exclusiveMinimum === "number" && s.exclusiveMinimum >= v) v = s.exclusiveMinimum + 1;
    if (typeof s.maximum === "number" && s.maximum < v) v = s.maximum;
    return v;
  }
  if (s.format === "uuid") return randomUUID();
  if (s.format === "date-time") return "2026-12-01T00:00:00Z";
  if (s.format === "date") return "2026-12-01";
  if (s.format === "email") return "a@example.com";
  if (s.format === "uri") return "https://example.com";
  if (s.pattern) return STRING_CANDIDATES.find((c) => new RegExp(s.pattern).test(c)) ?? "x";
  return "x".repeat(Math.max(1, s.minLength ?? 1));
}

const isUuidParam = (p: Schema) => p.in === "path" && (p.schema?.format === "uuid" || /uuid/i.test(String(p.schema?.pattern ?? "")));

let t: TestDatabase;
let call: Call;
let a: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let b: Awaited<ReturnType<typeof makeTenantWithKeys>>;
/** Real ids of tenant A by path-param name; every id path param must have one (checked below). */
const realIds: Record<string, string> = {};

/** The body of a seeding call that must succeed: a failed seed stops the walk instead of walking random ids. */
async function seeded(res: Promise<{ status: number; body: any }>, what: string) {
  const r = await res;
  if (r.status !== 200 && r.status !== 201) throw new Error(`seeding ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database);
  a = await makeTenantWithKeys(t.database);
  b = await makeTenantWithKeys(t.database);
  realIds.tenant_id = a.tenantId;
  realIds.api_key_id = a.marketer.api_key_id;
  realIds.merchant_id = await makeMerchant(call, a.admin.key);
  realIds.offer_id = (await makeOffer(call, a.admin.key, { short_text: "A's offer" })).offer_id;
  const post = (path: string, body: unknown, what: string) => seeded(call("POST", path, { key: a.admin.key, body }), what);
  realIds.offer_type_id = (await post("/dashboard/offers/types", { type_name: "walk_type" }, "an offer type")).offer_type_id;
  realIds.control_id = (await post("/dashboard/offers/redemption-controls", { offer_id: realIds.offer_id }, "a control")).control_id;
  realIds.program_id = (await post("/dashboard/programs", { program_name: "P", program_type: "open_loop" }, "a program")).program_id;
  realIds.campaign_id = (await post("/dashboard/campaigns", { campaign_name: "C" }, "a campaign")).campaign_id;
  await seeded(call("PUT", "/api/discount-policies/shopify", { key: a.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [] } }), "a policy");
  await seeded(call("PUT", "/api/budget", { key: a.admin.key, body: { cap_cents: 1_000_000, period: "month" } }), "a budget");
  realIds.code_id = (await post("/dashboard/promo-codes", { surface: "shopify", discount_type: "percentage", value: 10 }, "a promo code")).code_id;
  // A real redemption, so void and the ledger routes are walked with an id that exists in tenant A.
  const order = { promo_code: (await seeded(call("GET", `/dashboard/promo-codes/${realIds.code_id}`, { key: a.admin.key }), "the code")).promo_code,
    surface: "shopify", order_total_cents: 10_000, customer_id: "walk@x.com" };
  const redeemed = await seeded(call("POST", "/dashboard/promo-codes/redeem", { key: a.connector.key, body: order, headers: { "Idempotency-Key": "walk-seed" } }), "a redemption");
  realIds.redemption_id = redeemed.redemption_id;
  const held = { ...order, customer_id: "walk-hold@x.com" };
  const reserved = await seeded(call("POST", "/dashboard/promo-codes/reserve", { key: a.connector.key, body: held, headers: { "Idempotency-Key": "walk-hold" } }), "a reservation");
  realIds.reservation_id = reserved.reservation_id;
});
afterAll(() => t?.cleanup());

function request(path: string, method: string, op: Operation) {
  const params = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((x) => x.in === "path")) url = url.replace(`{${p.name}}`, encodeURIComponent(String(realIds[p.name] ?? sample(p.schema))));
  const query = params.filter((x) => x.in === "query" && x.required).map((x) => `${x.name}=${encodeURIComponent(String(sample(x.schema)))}`);
  if (query.length) url += `?${query.join("&")}`;
  const headers = Object.fromEntries(params.filter((x) => x.in === "header").map((x) => [x.name, `walk-${randomUUID()}`]));
  const schema = op.requestBody?.content["application/json"]?.schema;
  return { url, headers, body: schema ? sample(schema) : undefined, method };
}

describe("OpenAPI document", () => {
  it("lists the tenancy operations and every Offer Manager operation", () => {
    const ids = new Set(operations.map((o) => o.op.operationId));
    for (const r of [...tenancyRoutes, ...offerRoutes]) expect(ids, `${r.method} ${r.path}`).toContain(`${r.method.toLowerCase()}_${r.tool.name}`);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/tenants", "/dashboard/offers", "/dashboard/offers/{offer_id}", "/api/v1/offers"]));
  });
});

describe("auth walk over every operation", () => {
  it("answers 401 without a key, except on public routes", async () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, op } of operations) {
      const r = request(path, method, op);
      const res = await call(method, r.url, { body: r.body, headers: r.headers });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (isPublic) expect(res.status, `${method} ${path}`).toBe(200);
      else {
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe("unauthenticated");
      }
    }
  });

  it("answers 404 (or 403) to another tenant's key on every route with an id in its path", async () => {
    const withIds = operations.filter(({ op }) => (op.parameters ?? []).some(isUuidParam));
    expect(withIds.length).toBeGreaterThan(25);
    // Every id the walk puts in a path is a real id of tenant A: a random id would pass as "404" for the wrong reason.
    const names = new Set(withIds.flatMap(({ op }) => (op.parameters ?? []).filter(isUuidParam).map((p) => p.name as string)));
    expect([...names].filter((n) => !realIds[n])).toEqual([]);
    for (const { path, method, op } of withIds) {
      const r = request(path, method, op);
      const res = await call(method, r.url, { key: b.admin.key, body: r.body, headers: r.headers });
      expect([403, 404], `${method} ${r.url} ${JSON.stringify(r.body)} → ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    }
    // Nothing of A's was touched by B's attempts.
    const offer = await call("GET", `/dashboard/offers/${realIds.offer_id}`, { key: a.admin.key });
    expect(offer.body).toMatchObject({ short_text: "A's offer", offer_status: "draft" });
    expect((await call("GET", `/dashboard/merchants/${realIds.merchant_id}`, { key: a.admin.key })).status).toBe(200);
    const ledger = await call("GET", `/dashboard/redemptions?code_id=${realIds.code_id}`, { key: a.admin.key });
    expect(ledger.body.redemptions.map((e: { redemption_id: string }) => e.redemption_id)).toContain(realIds.redemption_id);
    expect(ledger.body.redemptions.filter((e: { kind: string }) => e.kind === "void")).toEqual([]);
    expect((await call("GET", "/dashboard/offers", { key: a.marketer.key })).status).toBe(200);
  });
});

describe("money-moving operations refuse a marketer and a foreign-provider connector (CONTRACT §6)", () => {
  it("answers 403 to each and moves nothing: ledger, counters, spend and code status unchanged", async () => {
    const clock = testClock();
    const g = await governedTenant(t.database, clock);
    const wix = await issueApiKey(t.database, { tenantId: g.tenantId, role: "connector", provider: "wix" });
    const code = await g.createCode({ value: 10 });
    const redeemed = await g.redeem({ promo_code: code.promo_code });
    expect(redeemed.status).toBe(201);
    const order = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "walk@x.com" };
    const idem = () => ({ "Idempotency-Key": `walk-${randomUUID()}` });
    const tries: [string, string, { key: string; body?: unknown; headers?: Record<string, string> }][] = [];
    for (const key of [g.marketer.key, wix.key]) {
      tries.push(
        ["POST", "/dashboard/promo-codes/redeem", { key, body: order, headers: idem() }],
        ["POST", "/dashboard/promo-codes/reserve", { key, body: order, headers: idem() }],
        ["POST", `/dashboard/redemptions/${redeemed.body.redemption_id}/void`, { key, body: {} }],
        ["PUT", "/api/budget", { key, body: { cap_cents: 1, period: "total" } }],
        ["PUT", "/api/discount-policies/shopify", { key, body: { min_percent: 0, max_percent: 100, kpi_floors: [] } }],
        ["POST", "/api/kpi-snapshots", { key, body: { kpi: "profit", value: -1 } }],
      );
    }
    tries.push(
      ["POST", "/dashboard/promo-codes", { key: wix.key, body: { surface: "shopify", discount_type: "percentage", value: 10 } }],
      ["POST", "/dashboard/promo-codes/validate", { key: wix.key, body: order }],
      ["POST", "/api/kpi-snapshots", { key: wix.key, body: { kpi: "profit", value: -1, surface: "shopify" } }],
      ["PUT", `/dashboard/promo-codes/${code.code_id}`, { key: wix.key, body: { status: "inactive" } }],
    );
    const before = await discountState(t.database, g.tenantId);
    for (const [method, path, req] of tries) {
      const res = await g.call(method, path, req);
      expect(res.status, `${method} ${path} as ${req.key === wix.key ? "wix connector" : "marketer"}`).toBe(403);
    }
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
  });
});
