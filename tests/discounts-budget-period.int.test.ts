import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetPeriod } from "@/core/governance";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { discountState, type LedgerEntry, ledgerWindowSum } from "./support/discount-state";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Door 3 of issue 10 (CONTRACT §6): after any change of budget period, spent_cents equals the ledger sum
// of the current window. Month, quarter and total never share a spend row, and "total" does not start
// from zero. Driven month → quarter → total → month with redemptions and voids in between.

let t: TestDatabase;
const clock = testClock(new Date("2026-10-15T12:00:00Z"));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

async function ledger(g: GovernedTenant): Promise<LedgerEntry[]> {
  const res = await g.call("GET", "/dashboard/redemptions?limit=100", { key: g.admin.key });
  expectStatus(res, 200);
  return res.body.redemptions;
}

/** GET /api/budget agrees with the ledger's window for the period in force, right now. */
async function expectSpentIsLedger(g: GovernedTenant, period: BudgetPeriod, cents: number) {
  const budget = await g.budget();
  expect(budget.period).toBe(period);
  expect(budget.spent_cents).toBe(ledgerWindowSum(await ledger(g), period, clock.now));
  expect(budget.spent_cents).toBe(cents);
}

async function setPeriod(g: GovernedTenant, period: BudgetPeriod, cap = 1_000_000) {
  expectStatus(await g.call("PUT", "/api/budget", { key: g.admin.key, body: { cap_cents: cap, period } }), 200);
}

describe("budget period changes", () => {
  it("month → quarter → total → month: spent is always the ledger sum of the current window", async () => {
    const g = await governedTenant(t.database, clock, { period: "month", policy: { max_snapshot_age_seconds: 90 * 86400 } });
    const code = await g.createCode({ value: 10 });
    const redeem = async () => {
      const r = await g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
      expectStatus(r, 201);
      return r.body.redemption_id as string;
    };
    const voidIt = async (id: string) => expectStatus(await g.call("POST", `/dashboard/redemptions/${id}/void`, { key: g.connector.key, body: {} }), 201);

    const a = await redeem(); // October
    clock.set("2026-11-10T12:00:00Z");
    await expectSpentIsLedger(g, "month", 0);
    const b = await redeem(); // November
    await expectSpentIsLedger(g, "month", 1_000);

    await setPeriod(g, "quarter"); // Q4 already holds October's and November's redemptions
    await expectSpentIsLedger(g, "quarter", 2_000);
    await voidIt(a);
    await expectSpentIsLedger(g, "quarter", 1_000);
    const c = await redeem();
    await expectSpentIsLedger(g, "quarter", 2_000);

    await setPeriod(g, "total"); // all time, never from zero
    await expectSpentIsLedger(g, "total", 2_000);
    await redeem();
    await voidIt(b);
    await expectSpentIsLedger(g, "total", 2_000);

    await setPeriod(g, "month"); // back to November: b (voided), c, d
    await expectSpentIsLedger(g, "month", 2_000);
    clock.set("2026-12-05T12:00:00Z");
    await expectSpentIsLedger(g, "month", 0);
    await redeem();
    await voidIt(c); // a November redemption's void gives November its money back, not December
    await expectSpentIsLedger(g, "month", 1_000);

    // Every period has its own rows: nothing keyed "" any more, and no row shared between periods.
    const rows = (await discountState(t.database, g.tenantId)).spend.filter((r) => r.scope === "tenant");
    expect(new Set(rows.map((r) => r.scope_id))).toEqual(new Set(["month", "quarter", "total"]));
  });

  it("switching to total with spend behind it cannot exceed the cap", async () => {
    clock.set("2026-11-10T12:00:00Z");
    const g = await governedTenant(t.database, clock, { period: "month", capCents: 2_500 });
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    await setPeriod(g, "total", 2_500);
    const over = await g.redeem({ promo_code: code.promo_code });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe("budget_exhausted");
    await expectSpentIsLedger(g, "total", 2_000);
  });

  it("a marketer cannot change the period, and nothing moves", async () => {
    clock.set("2026-11-10T12:00:00Z");
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code }), 201);
    const before = await discountState(t.database, g.tenantId);
    const res = await g.call("PUT", "/api/budget", { key: g.marketer.key, body: { cap_cents: 10_000_000, period: "total" } });
    expect(res.status).toBe(403);
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
    const period = await t.database.withOwner((tx) => tx.execute(sql`select period from budgets where tenant_id = ${g.tenantId}`));
    expect((period as unknown as { rows: { period: string }[] }).rows[0].period).toBe("month");
  });
});
