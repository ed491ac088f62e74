import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignOffers, offers, programCampaigns } from "@/db/schema";
import { lockedFactBook } from "@/tools/discounts/redeem-book";
import { loadLockedFacts } from "@/tools/discounts/redeem-locks";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { discountState } from "./support/discount-state";
import { expectStatus, type GovernedTenant, governedTenant, T0, testClock } from "./support/governed-tenant";

// Door 7 of issue 10 (CONTRACT §6 "Validate writes nothing"): validate runs redeem's own fact loaders
// without the locks, in a read-only transaction, and writes no audit row. The differential test seeds
// each refusal situation and checks that validate's first reason is exactly what redeem refuses with.

let t: TestDatabase;
const clock = testClock();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

type Situation = {
  name: string;
  expect: string | null;
  tenant?: Parameters<typeof governedTenant>[2];
  /** Seeds the situation and returns the order to validate and then redeem. */
  seed(g: GovernedTenant): Promise<Record<string, unknown>>;
};

/** An active offer with its own cap, drawing on a campaign with a cap (rows written as the tenant). */
async function budgetedOffer(g: GovernedTenant, offerCap: number | null, campaignCap: number | null) {
  return t.database.withTenant(g.tenantId, async (tx) => {
    const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active", total_budget_cents: offerCap }).returning();
    const [c] = await tx.insert(programCampaigns).values({ tenant_id: g.tenantId, campaign_name: "Fall", budget_cents: campaignCap }).returning();
    await tx.insert(campaignOffers).values({ tenant_id: g.tenantId, campaign_id: c.campaign_id, offer_id: o.offer_id });
    return o.offer_id;
  });
}

const order = (promo_code: string, extra: Record<string, unknown> = {}) => ({ promo_code, customer_id: "same@x.com", order_total_cents: 10_000, ...extra });

const SITUATIONS: Situation[] = [
  { name: "valid", expect: null, seed: async (g) => order((await g.createCode()).promo_code) },
  {
    name: "inactive", expect: "inactive",
    seed: async (g) => {
      const c = await g.createCode();
      expectStatus(await g.call("DELETE", `/dashboard/promo-codes/${c.code_id}`, { key: g.admin.key }), 200);
      return order(c.promo_code);
    },
  },
  { name: "expired", expect: "expired", seed: async (g) => order((await g.createCode({ expires_at: "2026-11-20T00:00:00Z" })).promo_code) },
  { name: "not started", expect: "not_started", seed: async (g) => order((await g.createCode({ starts_at: "2026-12-01T00:00:00Z" })).promo_code) },
  {
    name: "policy tightened", expect: "policy_violation",
    seed: async (g) => {
      const c = await g.createCode({ value: 20 });
      const policy = { min_percent: 5, max_percent: 10, kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 86400, enabled: true };
      expectStatus(await g.call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: policy }), 200);
      return order(c.promo_code);
    },
  },
  {
    name: "kpi floor", expect: "kpi_floor",
    seed: async (g) => {
      expectStatus(await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body: { kpi: "profit", value: -5 } }), 201);
      return order((await g.createCode()).promo_code);
    },
  },
  {
    name: "kpi stale", expect: "kpi_stale", tenant: { policy: { kpi_floors: [{ kpi: "mer", floor: 1 }] } },
    seed: async (g) => order((await g.createCode()).promo_code),
  },
  { name: "minimum order", expect: "minimum_order", seed: async (g) => order((await g.createCode({ minimum_order_cents: 50_000 })).promo_code) },
  {
    name: "usage limit", expect: "usage_limit",
    seed: async (g) => {
      const c = await g.createCode({ usage_limit: 1 });
      expectStatus(await g.redeem(order(c.promo_code, { customer_id: "first@x.com" })), 201);
      return order(c.promo_code);
    },
  },
  {
    name: "per customer", expect: "per_customer_limit",
    seed: async (g) => {
      const c = await g.createCode({ per_customer_limit: 1 });
      expectStatus(await g.redeem(order(c.promo_code)), 201);
      return order(c.promo_code);
    },
  },
  { name: "tenant budget", expect: "budget_exhausted", tenant: { capCents: 500 }, seed: async (g) => order((await g.createCode()).promo_code) },
  {
    name: "offer budget", expect: "budget_exhausted",
    seed: async (g) => order((await g.createCode({ offer_id: await budgetedOffer(g, 900, null) })).promo_code),
  },
  {
    name: "campaign budget", expect: "budget_exhausted",
    seed: async (g) => order((await g.createCode({ offer_id: await budgetedOffer(g, null, 1_500) })).promo_code, { order_total_cents: 20_000 }),
  },
];

describe("validate writes nothing", () => {
  it("answers every reason with no ledger, counter, spend, code or audit change", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 100 });
    const code = await g.createCode({ value: 25, usage_limit: 1 });
    const before = await discountState(t.database, g.tenantId);
    for (let i = 0; i < 5; i++) {
      const v = await g.validate({ promo_code: code.promo_code, customer_id: `c${i}` });
      expect(v.status).toBe(200);
      expect(v.body.reasons.map((r: { code: string }) => r.code)).toEqual(["budget_exhausted"]);
    }
    const ok = await g.validate({ promo_code: code.promo_code, order_total_cents: 400 });
    expect(ok.body).toEqual({ valid: true, discount_cents: 100, reasons: [] });
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
  });
});

describe("validate's transaction is read-only in the database", () => {
  it("after validate's reads, any write in the same transaction is refused by the database", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode();
    const pre = { promo: code.promo_code };
    const attempt = { surface: "shopify", order_total_cents: 10_000, customerKey: "c@x.com", now: clock.now };
    const write = t.database.withTenant(g.tenantId, async (tx) => {
      const facts = await loadLockedFacts(tx, g.tenantId, { promoCodes: [pre.promo], keys: [], customerKeys: ["c@x.com"], nows: [clock.now] }, { lock: false });
      await lockedFactBook(tx, g.tenantId, facts, [{ ...attempt, sketch: facts.pre.codes.get(pre.promo)! }], { lock: false });
      await tx.execute(sql`update discount_codes set redemption_count = redemption_count + 1 where code_id = ${code.code_id}`);
    });
    // SQLSTATE 25006 read_only_sql_transaction, from the database itself.
    const err = await write.then(() => null, (e: { cause?: { code?: string } }) => e);
    expect(err?.cause?.code).toBe("25006");
    expect((await discountState(t.database, g.tenantId)).codes[0].redemption_count).toBe(0);
  });
});

describe("validate and redeem never disagree (differential)", () => {
  for (const s of SITUATIONS) {
    it(`${s.name}: validate's first reason is redeem's refusal`, async () => {
      clock.set(T0);
      const g = await governedTenant(t.database, clock, s.tenant);
      const body = await s.seed(g);
      const v = await g.validate(body);
      expect(v.status).toBe(200);
      const r = await g.redeem(body, randomUUID());
      if (s.expect === null) {
        expect(v.body.valid).toBe(true);
        expect(r.status).toBe(201);
        expect(r.body.discount_cents).toBe(v.body.discount_cents);
        return;
      }
      expect(v.body.valid).toBe(false);
      expect(v.body.reasons[0].code).toBe(s.expect);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe(v.body.reasons[0].code);
      expect(r.body.error.details.reasons.map((x: { code: string }) => x.code)).toEqual(v.body.reasons.map((x: { code: string }) => x.code));
    });
  }
});
