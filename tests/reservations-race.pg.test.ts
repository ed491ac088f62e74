import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Reservations raced against redeems, consumes, releases and expiries on real PostgreSQL connections
// (*.pg.test.ts: PGlite has one connection). Invariants: a code never gives more uses than its limit
// and a budget never more cents than its cap, counting live holds; every hold is consumed at most once.

const clock = testClock();

/** Ledger, counters and live holds of one tenant, read as the owner. */
async function totals(db: Database, tenantId: string, codeId: string) {
  const q = (text: ReturnType<typeof sql>) => db.withOwner((tx) => tx.execute(text)) as unknown as Promise<{ rows: Record<string, unknown>[] }>;
  const [l] = (await q(sql`select count(*) filter (where kind = 'redemption')::int as n, coalesce(sum(discount_cents), 0)::bigint as cents
    from discount_redemptions where tenant_id = ${tenantId}`)).rows;
  const [c] = (await q(sql`select redemption_count from discount_codes where tenant_id = ${tenantId} and code_id = ${codeId}`)).rows;
  const [h] = (await q(sql`select count(*)::int as n, coalesce(sum(discount_cents), 0)::bigint as cents from discount_reservations
    where tenant_id = ${tenantId} and status = 'active' and expires_at > ${clock.now.toISOString()}::timestamptz`)).rows;
  return { redemptions: Number(l.n), ledgerCents: Number(l.cents), uses: Number(c.redemption_count), holds: Number(h.n), heldCents: Number(h.cents) };
}

const reserve = (g: GovernedTenant, body: Record<string, unknown>) => g.call("POST", "/dashboard/promo-codes/reserve", {
  key: g.connector.key, body: { surface: g.surface, order_total_cents: 10_000, ...body }, headers: { "Idempotency-Key": randomUUID() },
});
const count = (rs: { status: number }[], status: number) => rs.filter((r) => r.status === status).length;

describe("reservations under concurrency (PostgreSQL)", () => {
  if (testDbKind() !== "pg") throw new Error("run through the db:postgres project");
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ poolSize: 20 });
  });
  afterAll(() => t?.cleanup());

  it("40 reserves racing 40 redeems on a code limited to 20: exactly 20 uses promised, and every hold redeems", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 10_000_000 });
    const code = await g.createCode({ value: 10, usage_limit: 20 });
    const [holds, plain] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, (_, i) => reserve(g, { promo_code: code.promo_code, customer_id: `r${i}` }))),
      Promise.all(Array.from({ length: 40 }, (_, i) => g.redeem({ promo_code: code.promo_code, customer_id: `p${i}` }))),
    ]);
    expect(count(holds, 201) + count(plain, 201)).toBe(20);
    expect(count(holds, 422) + count(plain, 422)).toBe(60);
    const won = holds.map((h, i) => ({ h, i })).filter(({ h }) => h.status === 201);
    const consumed = await Promise.all(won.map(({ h, i }) => g.redeem({ promo_code: code.promo_code, customer_id: `r${i}`, reservation_id: h.body.reservation_id })));
    expect(count(consumed, 201)).toBe(won.length);
    expect(await totals(t.database, g.tenantId, code.code_id)).toMatchObject({ redemptions: 20, uses: 20, holds: 0 });
  });

  it("expired holds free their cents: a cap for 30 discounts gives exactly 30 after 20 holds expire", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 30_000 });
    const code = await g.createCode({ value: 10 });
    const early = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(g, { promo_code: code.promo_code, customer_id: `e${i}`, ttl_seconds: 60 })));
    expect(count(early, 201)).toBe(20);
    clock.advance(61);
    const [late, plain, fresh] = await Promise.all([
      Promise.all(early.map((h, i) => g.redeem({ promo_code: code.promo_code, customer_id: `e${i}`, reservation_id: h.body.reservation_id }))),
      Promise.all(Array.from({ length: 40 }, (_, i) => g.redeem({ promo_code: code.promo_code, customer_id: `p${i}` }))),
      Promise.all(Array.from({ length: 10 }, (_, i) => reserve(g, { promo_code: code.promo_code, customer_id: `f${i}` }))),
    ]);
    expect(new Set(late.map((r) => r.body.error?.code))).toEqual(new Set(["reservation_invalid"]));
    expect(count(plain, 201) + count(fresh, 201)).toBe(30);
    const after = await totals(t.database, g.tenantId, code.code_id);
    expect(after.ledgerCents + after.heldCents).toBe(30_000);
    expect((await g.budget()).spent_cents).toBe(after.ledgerCents);
  });

  it("a release racing a consume of the same hold: exactly one of them wins, never both", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 10_000_000 });
    const code = await g.createCode({ value: 10, usage_limit: 15 });
    const holds = await Promise.all(Array.from({ length: 15 }, (_, i) => reserve(g, { promo_code: code.promo_code, customer_id: `c${i}` })));
    for (const h of holds) expectStatus(h, 201);
    const results = await Promise.all(holds.map(async (h, i) => {
      const [redeemed, released] = await Promise.all([
        g.redeem({ promo_code: code.promo_code, customer_id: `c${i}`, reservation_id: h.body.reservation_id }),
        g.call("DELETE", `/dashboard/reservations/${h.body.reservation_id}`, { key: g.connector.key }),
      ]);
      return [redeemed.status, released.status].join("/");
    }));
    expect(results).toHaveLength(15);
    for (const r of results) expect(["201/409", "422/204"]).toContain(r);
    const wins = results.filter((r) => r === "201/409").length;
    expect(await totals(t.database, g.tenantId, code.code_id)).toMatchObject({ redemptions: wins, uses: wins, holds: 0 });
  });
});
