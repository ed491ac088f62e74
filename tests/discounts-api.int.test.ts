import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, governedTenant, T0, testClock } from "./support/governed-tenant";

let t: TestDatabase;
const clock = testClock();

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe("discount engine — CONTRACT §2 verification", () => {
  it("refuses a 90% code under a 20% max policy with policy_violation and an actionable message", async () => {
    const g = await governedTenant(t.database, clock, { policy: { max_percent: 20 } });
    const res = await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 90 } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("policy_violation");
    expect(res.body.error.details.reasons[0].message).toBe("shopify allows at most 20% — 90% is above it");
    const list = await g.call("GET", "/dashboard/promo-codes", { key: g.admin.key });
    expect(list.body.total_count).toBe(0);
  });

  it("rejects a redeem with kpi_floor when profit is 0 under a floor above 0", async () => {
    const g = await governedTenant(t.database, clock, { policy: { kpi_floors: [{ kpi: "profit", floor: 100 }] } });
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "profit", value: 0 } }), 201);
    const res = await g.redeem({ promo_code: code.promo_code });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("kpi_floor");
    expect((await g.budget()).spent_cents).toBe(0);
  });

  it("keeps tenants apart: B cannot see, validate or redeem A's codes", async () => {
    const a = await governedTenant(t.database, clock);
    const b = await governedTenant(t.database, clock);
    const code = await a.createCode();
    expect((await b.call("GET", `/dashboard/promo-codes/${code.code_id}`, { key: b.admin.key })).status).toBe(404);
    expect((await b.call("GET", "/dashboard/promo-codes", { key: b.admin.key })).body.total_count).toBe(0);
    const v = await b.validate({ promo_code: code.promo_code });
    expect(v.status).toBe(404);
    expect(v.body.error.code).toBe("not_found");
    const r = await b.redeem({ promo_code: code.promo_code });
    expect(r.status).toBe(404);
    expect((await b.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: b.admin.key, body: { value: 5 } })).status).toBe(404);
    // A's code still works for A.
    expect((await a.redeem({ promo_code: code.promo_code })).status).toBe(201);
  });
});

describe("redeem and void", () => {
  it("redeems, then a void gives budget and the use back; a second void is 409 already_voided", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 5_000 });
    const code = await g.createCode({ value: 20, usage_limit: 1 });
    const r = await g.redeem({ promo_code: code.promo_code, order_total_cents: 12_345, customer_id: " Ann@Example.com " });
    expectStatus(r, 201);
    expect(r.body).toMatchObject({ discount_cents: 2469, promo_code: code.promo_code, customer_id: "ann@example.com" });
    expect(await g.budget()).toMatchObject({ spent_cents: 2469, headroom_cents: 5_000 - 2469, period: "month", period_start: "2026-11-01" });
    expect((await g.redeem({ promo_code: code.promo_code })).body.error.code).toBe("usage_limit");

    const v = await g.call("POST", `/dashboard/redemptions/${r.body.redemption_id}/void`, { key: g.connector.key, body: {} });
    expectStatus(v, 201);
    expect(v.body).toMatchObject({ kind: "void", discount_cents: -2469, voids_redemption_id: r.body.redemption_id });
    expect(await g.budget()).toMatchObject({ spent_cents: 0, headroom_cents: 5_000 });
    const again = await g.call("POST", `/dashboard/redemptions/${r.body.redemption_id}/void`, { key: g.connector.key, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_voided");
    // The use came back too, and the ledger shows both entries.
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    const ledger = await g.call("GET", `/dashboard/redemptions?code_id=${code.code_id}`, { key: g.admin.key });
    expect(ledger.body.redemptions.map((e: { kind: string }) => e.kind).sort()).toEqual(["redemption", "redemption", "void"]);
    expect((await g.call("GET", `/dashboard/promo-codes/${code.code_id}`, { key: g.admin.key })).body.redemption_count).toBe(1);
  });

  it("replays the same Idempotency-Key and body as the same redemption; another body is 409", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const body = { promo_code: code.promo_code, order_total_cents: 5_000, customer_id: "cust-1", order_id: "o-1" };
    const first = await g.redeem(body, "key-1");
    const replay = await g.redeem(body, "key-1");
    expectStatus(first, 201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const other = await g.redeem({ ...body, order_total_cents: 6_000 }, "key-1");
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
    expect((await g.budget()).spent_cents).toBe(500);
    const ledger = await g.call("GET", "/dashboard/redemptions", { key: g.admin.key });
    expect(ledger.body.total_count).toBe(1);
    const missing = await g.call("POST", "/dashboard/promo-codes/redeem", { key: g.connector.key, body });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toContainEqual({ field: "Idempotency-Key", message: "required header is missing" });
  });

  it("blocks redemption when the policy is tightened after the code was created", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 20 });
    expectStatus(await g.validate({ promo_code: code.promo_code }), 200);
    expectStatus(await g.call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: { min_percent: 5, max_percent: 15, kpi_floors: [{ kpi: "profit", floor: 0 }] } }), 200);
    const r = await g.redeem({ promo_code: code.promo_code });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("policy_violation");
    expect(r.body.error.message).toContain("at most 15%");
  });

  it("refuses expired and not-yet-started codes, and orders under the minimum", async () => {
    const g = await governedTenant(t.database, clock);
    const later = await g.createCode({ starts_at: "2026-12-01T00:00:00Z" });
    const over = await g.createCode({ expires_at: "2026-11-20T00:00:00Z" });
    const minimum = await g.createCode({ minimum_order_cents: 5_000 });
    expect((await g.redeem({ promo_code: later.promo_code })).body.error.code).toBe("not_started");
    expect((await g.redeem({ promo_code: over.promo_code })).body.error.code).toBe("expired");
    const small = await g.redeem({ promo_code: minimum.promo_code, order_total_cents: 4_999 });
    expect(small.body.error.code).toBe("minimum_order");
    expect(small.body.error.message).toContain("($0.01 short)");
    expectStatus(await g.redeem({ promo_code: minimum.promo_code, order_total_cents: 5_000 }), 201);
  });

  it("validate returns every failing reason and changes nothing", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 100 });
    const code = await g.createCode({ value: 25, minimum_order_cents: 50_000, expires_at: "2026-11-21T11:00:00Z" });
    const v = await g.validate({ promo_code: code.promo_code, surface: "wix", order_total_cents: 10_000 }, g.admin.key);
    expect(v.status).toBe(200);
    expect(v.body.valid).toBe(false);
    // An invalid code is worth 0, so a connector that only reads discount_cents gives nothing away.
    expect(v.body.discount_cents).toBe(0);
    expect(v.body.reasons.map((r: { code: string }) => r.code)).toEqual(["surface_mismatch", "expired", "minimum_order", "budget_exhausted"]);
    expect((await g.budget()).spent_cents).toBe(0);
    expect((await g.call("GET", `/dashboard/promo-codes/${code.code_id}`, { key: g.admin.key })).body.redemption_count).toBe(0);
  });

  it("fails closed on KPIs: no reading or a stale one is kpi_stale; a surface reading overrides the tenant-wide one", async () => {
    const g = await governedTenant(t.database, clock, { policy: { kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }], max_snapshot_age_seconds: 3600 } });
    const code = await g.createCode();
    expect((await g.validate({ promo_code: code.promo_code })).body.reasons.map((r: { code: string }) => r.code)).toEqual(["kpi_stale"]);
    await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "mer", value: 2 } });
    expect((await g.validate({ promo_code: code.promo_code })).body.valid).toBe(true);
    await g.call("POST", "/api/kpi-snapshots", { key: g.connector.key, body: { kpi: "mer", value: 1.2, surface: "shopify" } });
    expect((await g.validate({ promo_code: code.promo_code })).body.reasons.map((r: { code: string }) => r.code)).toEqual(["kpi_floor"]);
    clock.advance(3601);
    try {
      const stale = await g.redeem({ promo_code: code.promo_code });
      expect(stale.body.error.code).toBe("kpi_stale");
      expect(stale.body.error.details.reasons.map((r: { code: string }) => r.code)).toEqual(["kpi_stale", "kpi_stale"]);
    } finally {
      clock.set(T0);
    }
  });

  it("enforces the per-customer limit on the normalised customer id", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ per_customer_limit: 1 });
    expectStatus(await g.redeem({ promo_code: code.promo_code, customer_id: "Bob@Shop.com" }), 201);
    const again = await g.redeem({ promo_code: code.promo_code, customer_id: " bob@shop.com" });
    expect(again.body.error.code).toBe("per_customer_limit");
    expectStatus(await g.redeem({ promo_code: code.promo_code, customer_id: "+1 (555) 010-0000" }), 201);
    expect((await g.redeem({ promo_code: code.promo_code, customer_id: "+15550100000" })).body.error.code).toBe("per_customer_limit");
  });

  it("fails closed without a budget, and never spends past the cap", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 1_500 });
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    const over = await g.redeem({ promo_code: code.promo_code });
    expect(over.body.error.code).toBe("budget_exhausted");
    expect(over.body.error.message).toBe("This discount is $10.00 but only $5.00 of this month's budget ($15.00) is left");
    expectStatus(await g.redeem({ promo_code: code.promo_code, order_total_cents: 5_000 }), 201);
    expect(await g.budget()).toMatchObject({ spent_cents: 1_500, headroom_cents: 0 });
  });
});

describe("proposals, budget and input edges", () => {
  it("check_discount_proposal judges a draft with the live policy, KPIs and headroom, and suggests the nearest fix", async () => {
    const { runTool } = await import("@/tools/registry");
    const { checkDiscountProposal } = await import("@/tools/discounts/proposal");
    const { toolCtx } = await import("./support/fixtures");
    const g = await governedTenant(t.database, clock, { capCents: 50_000 });
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code, order_total_cents: 100_000 }), 201);
    const ctx = toolCtx(t.database, { tenantId: g.tenantId, role: "marketer" }, () => clock.now);
    const res = await runTool(checkDiscountProposal, { surface: "shopify", discount_type: "percentage", value: 90, total_budget_cents: 45_000 }, ctx);
    expect(res.allowed).toBe(false);
    expect(res.reasons.map((r: { code: string }) => r.code)).toEqual(["policy_violation", "budget_exhausted"]);
    expect(res.suggestion).toEqual({ suggested_value: 25, suggested_total_budget_cents: 40_000 });
    const fine = await runTool(checkDiscountProposal, { surface: "shopify", discount_type: "percentage", value: 20, total_budget_cents: 40_000 }, ctx);
    expect(fine).toEqual({ allowed: true, reasons: [], suggestion: null });
  });

  it("budget periods follow the clock: a new month starts at zero spent", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 1_000 });
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    expect((await g.redeem({ promo_code: code.promo_code })).body.error.code).toBe("budget_exhausted");
    clock.set("2026-12-01T00:00:01Z");
    try {
      await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "profit", value: 5 } });
      expect(await g.budget()).toMatchObject({ spent_cents: 0, headroom_cents: 1_000, period_start: "2026-12-01" });
      expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    } finally {
      clock.set(T0);
    }
  });

  it("answers 400 for bad input and 404 for unknown ids, never 5xx", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode();
    const future = await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "profit", value: 1, observed_at: "2026-11-22T12:00:00Z" } });
    expect(future.status).toBe(400);
    const dates = await g.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: g.admin.key, body: { starts_at: "2026-12-10T00:00:00Z", expires_at: "2026-12-01T00:00:00Z" } });
    expect(dates.status).toBe(400);
    const badPolicy = await g.call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: { min_percent: 30, max_percent: 20 } });
    expect(badPolicy.status).toBe(400);
    expect((await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 120 } })).status).toBe(400);
    expect((await g.call("POST", `/dashboard/redemptions/${randomUUID()}/void`, { key: g.admin.key, body: {} })).status).toBe(404);
    expect((await g.call("POST", "/dashboard/redemptions/not-a-uuid/void", { key: g.admin.key, body: {} })).status).toBe(404);
    expect((await g.call("GET", "/api/discount-policies/wix", { key: g.admin.key })).status).toBe(404);
    const unknownOffer = await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 10, offer_id: randomUUID() } });
    expect(unknownOffer.status).toBe(404);
    const policies = await g.call("GET", "/api/discount-policies", { key: g.marketer.key });
    expect(policies.body).toMatchObject({ total_count: 1, limit: 20, offset: 0 });
    expect(policies.body.policies[0]).toMatchObject({ surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null, enabled: true });
  });
});
