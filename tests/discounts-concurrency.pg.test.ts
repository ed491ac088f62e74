import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { openPg } from "@/db/drivers";
import { apiClient } from "./support/http";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Real concurrency needs real connections: PostgreSQL only (PGlite has a single connection), so this
// file is *.pg.test.ts, which only the db:postgres project runs — nothing is skipped on PGlite.
// Every test ends with the exactness invariants: spent = ledger sum ≤ cap, uses = net ledger count ≤ limit.

const clock = testClock();

/** Ledger and counters of one tenant, read as the owner. */
async function totals(db: Database, tenantId: string, codeId: string) {
  const q = (text: ReturnType<typeof sql>) => db.withOwner((tx) => tx.execute(text)) as unknown as Promise<{ rows: Record<string, unknown>[] }>;
  const [ledger] = (await q(sql`select coalesce(sum(discount_cents),0)::bigint as sum, count(*) filter (where kind='redemption')::int as redemptions,
    count(*) filter (where kind='void')::int as voids from discount_redemptions where tenant_id = ${tenantId}`)).rows;
  const [spend] = (await q(sql`select coalesce(sum(spent_cents),0)::bigint as spent from budget_spend where tenant_id = ${tenantId} and scope = 'tenant'`)).rows;
  const [code] = (await q(sql`select redemption_count from discount_codes where tenant_id = ${tenantId} and code_id = ${codeId}`)).rows;
  return { ledgerSum: Number(ledger.sum), redemptions: Number(ledger.redemptions), voids: Number(ledger.voids), spent: Number(spend.spent), uses: Number(code.redemption_count) };
}

function statuses(results: { status: number }[]) {
  return results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
}

describe("redeem under concurrency (PostgreSQL)", () => {
  if (testDbKind() !== "pg") throw new Error("run through the db:postgres project");
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ poolSize: 20 });
  });
  afterAll(() => t?.cleanup());

  const fire = (g: GovernedTenant, n: number, body: (i: number) => Record<string, unknown>, key: (i: number) => string = () => randomUUID()) =>
    Promise.all(Array.from({ length: n }, (_, i) => g.redeem(body(i), key(i))));

  it("300 concurrent redeems of a code limited to 50 uses: exactly 50 succeed", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 10_000_000 });
    const code = await g.createCode({ value: 10, usage_limit: 50 });
    const results = await fire(g, 300, (i) => ({ promo_code: code.promo_code, customer_id: `c${i}`, order_total_cents: 10_000 }));
    expect(statuses(results)).toEqual({ 201: 50, 422: 250 });
    expect(new Set(results.filter((r) => r.status === 422).map((r) => r.body.error.code))).toEqual(new Set(["usage_limit"]));
    expect(await totals(t.database, g.tenantId, code.code_id)).toEqual({ ledgerSum: 50_000, redemptions: 50, voids: 0, spent: 50_000, uses: 50 });
  });

  it("a budget cap that covers 37 discounts: exactly 37 succeed, never a cent over", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 37 * 1_000 + 999 });
    const code = await g.createCode({ value: 10 });
    const results = await fire(g, 200, (i) => ({ promo_code: code.promo_code, customer_id: `c${i}`, order_total_cents: 10_000 }));
    expect(statuses(results)).toEqual({ 201: 37, 422: 163 });
    const after = await totals(t.database, g.tenantId, code.code_id);
    expect(after).toEqual({ ledgerSum: 37_000, redemptions: 37, voids: 0, spent: 37_000, uses: 37 });
    expect((await g.budget()).headroom_cents).toBe(999);
  });

  it("one customer racing a per-customer limit of 3 gets exactly 3", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10, per_customer_limit: 3 });
    const results = await fire(g, 60, () => ({ promo_code: code.promo_code, customer_id: "racer@example.com" }));
    expect(statuses(results)).toEqual({ 201: 3, 422: 57 });
    expect((await totals(t.database, g.tenantId, code.code_id)).redemptions).toBe(3);
  });

  it("concurrent replays of one Idempotency-Key make one ledger row and one answer", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const results = await fire(g, 40, () => ({ promo_code: code.promo_code, customer_id: "same", order_id: "o-1" }), () => "one-key");
    expect(statuses(results)).toEqual({ 201: 40 });
    expect(new Set(results.map((r) => r.body.redemption_id)).size).toBe(1);
    expect(await totals(t.database, g.tenantId, code.code_id)).toMatchObject({ redemptions: 1, spent: 1_000, ledgerSum: 1_000, uses: 1 });
  });

  it("two processes (separate pools) redeeming and voiding at once stay exact", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 45 * 1_000 });
    const code = await g.createCode({ value: 10, usage_limit: 60 });
    const other = await openPg(t.url!, 10);
    try {
      const callB = apiClient(other, { now: () => clock.now });
      const viaB = (i: number) => callB("POST", "/dashboard/promo-codes/redeem", {
        key: g.connector.key, headers: { "Idempotency-Key": randomUUID() },
        body: { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: `b${i}` },
      });
      const [a, b] = await Promise.all([
        fire(g, 150, (i) => ({ promo_code: code.promo_code, customer_id: `a${i}`, order_total_cents: 10_000 })),
        Promise.all(Array.from({ length: 150 }, (_, i) => viaB(i))),
      ]);
      const ok = [...a, ...b].filter((r) => r.status === 201);
      expect(ok).toHaveLength(45);
      // Void ten of them from both processes while more redeems race for the freed budget.
      const voids = ok.slice(0, 10).map((r, i) => (i % 2 ? callB : g.call)("POST", `/dashboard/redemptions/${r.body.redemption_id}/void`, { key: g.connector.key, body: {} }));
      const more = Array.from({ length: 30 }, (_, i) => (i % 2 ? viaB(1000 + i) : g.redeem({ promo_code: code.promo_code, customer_id: `m${i}` })));
      const [voidResults, moreResults] = await Promise.all([Promise.all(voids), Promise.all(more)]);
      expect(statuses(voidResults)).toEqual({ 201: 10 });
      const extra = moreResults.filter((r) => r.status === 201).length;
      const after = await totals(t.database, g.tenantId, code.code_id);
      expect(after.spent).toBe(after.ledgerSum);
      expect(after.spent).toBeLessThanOrEqual(45_000);
      expect(after).toMatchObject({ redemptions: 45 + extra, voids: 10, uses: 35 + extra });
      expect(extra).toBeLessThanOrEqual(10);
    } finally {
      await other.close();
    }
  });
});
