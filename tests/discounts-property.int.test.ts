import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetPeriod } from "@/core/governance";
import { offers } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { type LedgerEntry, ledgerWindowSum } from "./support/discount-state";
import { expectStatus, type GovernedTenant, governedTenant, T0, testClock } from "./support/governed-tenant";

// Issue 10's properties, through the public REST surface on a real database: random interleavings of
// redeem, void, budget period change, cap change (tenant and offer), code status change and time passing,
// each by a random role. After every step: spent = ledger sum of the current window, no cap or limit is
// passed, counters equal the ledger, no inactive code redeems, and every refused call moved nothing.

let t: TestDatabase;
const clock = testClock();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

type Role = "admin" | "marketer" | "connector";
const role = fc.constantFrom<Role>("admin", "marketer", "connector");
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("redeem" as const), role, customer: fc.integer({ min: 0, max: 3 }), total: fc.integer({ min: 500, max: 30_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("void" as const), role, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("period" as const), role, period: fc.constantFrom<BudgetPeriod>("month", "quarter", "total") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cap" as const), role, cap: fc.integer({ min: 0, max: 12_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("offerCap" as const), cap: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("status" as const), role, status: fc.constantFrom("active" as const, "inactive" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("time" as const), days: fc.integer({ min: 1, max: 12 }) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

/** Everything the invariants read, as the owner (RLS hides nothing). */
async function observe(g: GovernedTenant, codeId: string, offerId: string) {
  const budget = await g.budget();
  const res = await g.call("GET", "/dashboard/redemptions?limit=100", { key: g.admin.key });
  const ledger = res.body.redemptions as (LedgerEntry & { customer_id: string })[];
  const db = await t.database.withOwner(async (tx) => ({
    code: rows(await tx.execute(sql`select status, redemption_count, usage_limit, per_customer_limit from discount_codes where code_id = ${codeId}`))[0],
    offer: rows(await tx.execute(sql`select total_budget_cents, (select spent_cents from budget_spend where tenant_id = ${g.tenantId} and scope = 'offer'
      and scope_id = ${offerId}) as spent from offers where offer_id = ${offerId}`))[0],
  }));
  // A missing spend row and a row at 0 are the same spend (redeem creates the rows it locks).
  return { budget, ledger, code: db.code, offer: { cap: db.offer.total_budget_cents, spent: Number(db.offer.spent ?? 0) } };
}

async function step(g: GovernedTenant, o: Op, ctx: { code: { code_id: string; promo_code: string }; offerId: string; keyOf: (r: Role) => string }) {
  const { code, offerId, keyOf } = ctx;
  const before = await observe(g, code.code_id, offerId);
  let res: { status: number; body: any } | null = null;
  if (o.kind === "redeem") {
    res = await g.redeem({ promo_code: code.promo_code, customer_id: `c${o.customer}`, order_total_cents: o.total }, randomUUID(), keyOf(o.role));
    if (o.role === "marketer") expect(res.status).toBe(403);
    if (res.status === 201) {
      expect(before.code.status).toBe("active");
      const after = await observe(g, code.code_id, offerId);
      expect(after.budget.spent_cents).toBeLessThanOrEqual(after.budget.cap_cents);
      if (after.offer.cap !== null) expect(after.offer.spent).toBeLessThanOrEqual(Number(after.offer.cap));
    }
  } else if (o.kind === "void") {
    const open = before.ledger.filter((e) => e.kind === "redemption" && !before.ledger.some((v) => v.voids_redemption_id === e.redemption_id));
    if (open.length === 0) return;
    res = await g.call("POST", `/dashboard/redemptions/${open[o.pick % open.length].redemption_id}/void`, { key: keyOf(o.role), body: {} });
    expect(res.status).toBe(o.role === "marketer" ? 403 : 201);
  } else if (o.kind === "period" || o.kind === "cap") {
    const body = o.kind === "period" ? { cap_cents: before.budget.cap_cents, period: o.period } : { cap_cents: o.cap, period: before.budget.period };
    res = await g.call("PUT", "/api/budget", { key: keyOf(o.role), body });
    expect(res.status).toBe(o.role === "admin" ? 200 : 403);
  } else if (o.kind === "offerCap") {
    // A cap change as the offers engineer's tools make it: one UPDATE of the offer row in the tenant's transaction.
    await t.database.withTenant(g.tenantId, (tx) => tx.update(offers).set({ total_budget_cents: o.cap }).where(sql`offer_id = ${offerId}`));
  } else if (o.kind === "status") {
    res = await g.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: keyOf(o.role), body: { status: o.status } });
    if (o.role === "connector") expect(res.status).toBe(403);
  } else {
    clock.advance(o.days * 86400);
  }
  const after = await observe(g, code.code_id, offerId);
  if (res && res.status >= 400) {
    // A refusal moves nothing: ledger, counters, spend and the code's status are as before.
    expect({ ledger: after.ledger, code: after.code, offer: after.offer, spent: after.budget.spent_cents })
      .toEqual({ ledger: before.ledger, code: before.code, offer: before.offer, spent: before.budget.spent_cents });
  }
  // Invariants after every step.
  expect(after.budget.spent_cents).toBe(ledgerWindowSum(after.ledger, after.budget.period as BudgetPeriod, clock.now));
  const net = after.ledger.reduce((n, e) => n + (e.kind === "redemption" ? 1 : -1), 0);
  expect(after.code.redemption_count).toBe(net);
  expect(net).toBeLessThanOrEqual(Number(after.code.usage_limit));
  expect(after.offer.spent).toBe(after.ledger.reduce((n, e) => n + e.discount_cents, 0));
  const perCustomer = new Map<string, number>();
  for (const e of after.ledger) perCustomer.set(e.customer_id, (perCustomer.get(e.customer_id) ?? 0) + (e.kind === "redemption" ? 1 : -1));
  for (const n of perCustomer.values()) expect(n).toBeLessThanOrEqual(Number(after.code.per_customer_limit));
}

describe("random interleavings by random roles (REST, real database)", () => {
  it("never over a cap or limit; spent is always the ledger sum of the current window; refusals move nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 22 }), fc.integer({ min: 1_000, max: 12_000 }), async (ops, cap) => {
        clock.set(T0);
        const g = await governedTenant(t.database, clock, { capCents: cap, policy: { max_snapshot_age_seconds: 366 * 86400 } });
        const offerId = await t.database.withTenant(g.tenantId, async (tx) => {
          const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active", total_budget_cents: 9_000 }).returning();
          return o.offer_id;
        });
        const code = await g.createCode({ value: 10, offer_id: offerId, usage_limit: 12, per_customer_limit: 4 });
        const keyOf = (r: Role) => g[r].key;
        for (const o of ops) await step(g, o, { code, offerId, keyOf });
      }),
      { numRuns: 12 },
    );
  });
});
