import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discountCodes, discountRedemptions } from "@/db/schema";
import { budgetViewInTx } from "@/tools/discounts/budget-tools";
import { loadEligibility, loadLatestSnapshots, loadOfferBudgets, loadPolicies, loadTenantBudget, loadTenantCurrency } from "@/tools/discounts/facts";
import { loadGovernanceFacts } from "@/tools/discounts/governance-facts";
import { loadLockedFacts } from "@/tools/discounts/redeem-locks";
import { idemKey, loadRedeemPrefix, NIL_SCOPE } from "@/tools/discounts/redeem-prefix";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Issue 14: redeem's hot path reads its lock-free facts in one hand-written statement
// (tools/discounts/redeem-prefix.ts); validate and the proposal check read them through the loaders in
// tools/discounts/facts.ts. On seeded data covering every field, both must give the same facts.

let t: TestDatabase;
let g: GovernedTenant;
const clock = testClock();
const promos: string[] = [];
const usedKeys: string[] = [];
const customers = ["listed@example.com", "other@example.com", "walk-in"];

/** An active offer with a code on `surface`; extra create_offer fields (campaign, limits) as given. */
async function offer(surface: string, extra: Record<string, unknown> = {}) {
  const promo = `DIF${randomUUID().slice(0, 8).toUpperCase()}`;
  const res = await g.call("POST", "/dashboard/offers", {
    key: g.admin.key,
    body: { offer_type: "percentage_discount", offer_value: 10, offer_redemption_methods: ["promo_code"], surface, offer_status: "active", promo_code: promo, ...extra },
  });
  expectStatus(res, 201);
  promos.push(promo);
  return { promo, offerId: res.body.offer_id as string };
}

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  const hub = { min_percent: 1, max_percent: 40, kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1 }], max_snapshot_age_seconds: 3600, enabled: true };
  expectStatus(await g.call("PUT", "/api/discount-policies/hub", { key: g.admin.key, body: hub }), 200);
  // Readings: tenant-wide and per surface, two in the same instant (the later-recorded one must win), one unrelated KPI.
  for (const body of [{ kpi: "mer", value: 2 }, { kpi: "mer", value: 3, surface: "hub" }, { kpi: "mer", value: 4, surface: "hub" }, { kpi: "nps", value: 9 }]) {
    expectStatus(await g.call("POST", "/api/kpi-snapshots", { key: g.admin.key, body }), 201);
  }
  const m = await g.call("POST", "/dashboard/merchants", { key: g.admin.key, body: { merchant_name: "Harbor", locations: [{ city: "Seattle" }] } });
  expectStatus(m, 201);
  const budgeted = await offer("shopify", { campaign: { campaign_name: "Budgeted", budget_cents: 500_000 }, total_budget_cents: 200_000 });
  const controls = [{ usage_limit: 7, per_customer_limit: 3 }, { usage_limit: 5, location_restrictions: [m.body.locations[0].location_id as string] }];
  for (const c of controls) {
    expectStatus(await g.call("POST", "/dashboard/offers/redemption-controls", { key: g.admin.key, body: { offer_id: budgeted.offerId, ...c } }), 201);
  }
  const closed = await offer("hub", { campaign: { campaign_name: "Open-ended" } });
  expectStatus(await g.call("POST", `/dashboard/offers/${closed.offerId}/customer-lists`, { key: g.admin.key, body: { customers: ["listed@example.com", "x@example.com"] } }), 201);
  promos.push((await g.createCode({ value: 12 })).promo_code);
  const location_id = m.body.locations[0].location_id;
  for (const promo of [budgeted.promo, promos[promos.length - 1]]) {
    const key = randomUUID();
    expectStatus(await g.redeem({ promo_code: promo, customer_id: "walk-in", location_id }, key), 201);
    usedKeys.push(key);
  }
});
afterAll(() => t?.cleanup());

describe("the redeem prefix statement equals the facts loaders", () => {
  it("for every field, on seeded data with policies, KPIs, budgets, campaigns, controls, lists and used keys", async () => {
    const keys = [...usedKeys, randomUUID()];
    const asked = [...promos, "NOSUCHCODE"];
    await t.database.withTenant(g.tenantId, async (tx) => {
      // Keys are asked in their scope: each used key in the scope that used it and in the key-less scope (a
      // different request there), plus a fresh key.
      const ledger = await tx.select().from(discountRedemptions).where(inArray(discountRedemptions.idempotency_key, keys));
      expect(ledger).toHaveLength(usedKeys.length);
      const scoped = [...ledger.map((r) => idemKey(r.api_key_id ?? NIL_SCOPE, r.idempotency_key!)), ...keys.map((k) => idemKey(NIL_SCOPE, k))];
      expect(ledger.some((r) => r.api_key_id === null)).toBe(false);
      const prefix = await loadRedeemPrefix(tx, g.tenantId, asked, scoped, customers);

      const codeRows = await tx.select().from(discountCodes).where(inArray(discountCodes.promo_code, asked));
      expect(codeRows).toHaveLength(promos.length);
      expect(prefix.codes).toEqual(new Map(codeRows.map((c) => [c.promo_code, { code_id: c.code_id, surface: c.surface, offer_id: c.offer_id }])));

      const surfaces = [...new Set(codeRows.map((c) => c.surface))];
      const policies = await loadPolicies(tx, g.tenantId, surfaces);
      expect(policies.size).toBe(2);
      expect(prefix.policies).toEqual(policies);

      const kpis = [...policies.values()].flatMap((p) => p.kpi_floors.map((f) => f.kpi));
      const snapshots = await loadLatestSnapshots(tx, g.tenantId, kpis, surfaces);
      expect(snapshots.find((s) => s.kpi === "mer" && s.surface === "hub")?.value).toBe(4);
      expect(sortSnaps(prefix.snapshots)).toEqual(sortSnaps(snapshots));

      expect(prefix.budget).toEqual(await loadTenantBudget(tx, g.tenantId));
      expect(prefix.budget).not.toBeNull();
      expect(prefix.currency).toBe(await loadTenantCurrency(tx, g.tenantId));

      const offerIds = codeRows.flatMap((c) => (c.offer_id ? [c.offer_id] : []));
      const offers = await loadOfferBudgets(tx, g.tenantId, offerIds);
      expect(offers.size).toBe(2);
      expect([...offers.values()].some((o) => o.controls !== null && o.campaign_budget_cents !== null)).toBe(true);
      expect(prefix.offers).toEqual(offers);

      const eligibility = await loadEligibility(tx, g.tenantId, offerIds, customers);
      expect(eligibility.listed.size).toBe(1);
      expect(prefix.eligibility).toEqual(eligibility);

      expect(prefix.usedKeys).toEqual(new Set(ledger.map((r) => idemKey(r.api_key_id ?? NIL_SCOPE, r.idempotency_key!))));

      // Redeem (locking) and validate (not) embed the same fragments in one combined statement: its prefix is this one,
      // and it reads exactly the asked codes' rows. Locking first: validate's read turns the transaction read-only.
      for (const lock of [true, false]) {
        const combined = await loadLockedFacts(tx, g.tenantId, { promoCodes: asked, keys: scoped, customerKeys: customers, nows: [clock.now] }, { lock });
        expect(combined.pre).toEqual(prefix);
        expect(combined.locked.codes.map((c) => c.code_id).sort()).toEqual(codeRows.map((c) => c.code_id).sort());
        expect(combined.locked.budget).toEqual(prefix.budget);
      }
    });
  });
});

describe("the governance-facts statement equals the facts loaders", () => {
  it("for every surface and for one, with the budget's current-window spend and the taken-code check", async () => {
    await t.database.withTenant(g.tenantId, async (tx) => {
      const now = clock.now;
      const all = await loadGovernanceFacts(tx, g.tenantId, now, null, { promoCode: promos[0].toLowerCase() });
      const surfaces = ["hub", "shopify"];
      const policies = await loadPolicies(tx, g.tenantId, surfaces);
      expect(all.policies).toEqual(surfaces.map((s) => policies.get(s)));
      const kpis = [...policies.values()].flatMap((p) => p.kpi_floors.map((f) => f.kpi));
      expect(sortSnaps(all.snapshots)).toEqual(sortSnaps(await loadLatestSnapshots(tx, g.tenantId, kpis, surfaces)));
      const view = await budgetViewInTx(tx, g.tenantId, now);
      expect(view!.spent_cents).toBeGreaterThan(0);
      expect(all.tenantBudget).toEqual({ scope: "tenant", scope_id: "", cap_cents: view!.cap_cents, spent_cents: view!.spent_cents, period: view!.period });
      expect(all.takenCodes).toEqual([promos[0]]);
      expect(all.currency).toBe("USD");

      const hub = await loadGovernanceFacts(tx, g.tenantId, now, ["hub"]);
      expect(hub.policies).toEqual([policies.get("hub")]);
      const hubKpis = policies.get("hub")!.kpi_floors.map((f) => f.kpi);
      expect(sortSnaps(hub.snapshots)).toEqual(sortSnaps(await loadLatestSnapshots(tx, g.tenantId, hubKpis, ["hub"])));
      expect(hub.takenCodes).toEqual([]);
    });
  });
});

/** Snapshots in a fixed order: the two loaders may list them in different orders. */
function sortSnaps<T extends { kpi: string; surface: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => `${a.kpi}|${a.surface}`.localeCompare(`${b.kpi}|${b.surface}`));
}
