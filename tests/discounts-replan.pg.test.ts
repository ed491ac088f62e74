import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { governedTenant, testClock } from "./support/governed-tenant";

// Redeem reads its plan (codes, budget period) without locks, then takes every lock in one statement
// and checks the plan still holds. This drives the case where it does not: another transaction changes
// the budget period while the redeem waits on a code lock, so the redeem must re-plan under the locks.
// PostgreSQL only (*.pg.test.ts): it needs a second connection holding a lock.

let t: TestDatabase;
const clock = testClock();

beforeAll(async () => {
  if (testDbKind() !== "pg") throw new Error("run through the db:postgres project");
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(() => t?.cleanup());

async function waitForLockWaiter(watcher: pg.Client) {
  for (let i = 0; i < 200; i++) {
    const r = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (r.rows[0].n > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("the redeem never waited on the held lock");
}

describe("a redeem whose plan goes stale while it waits for the locks", () => {
  it("re-plans under the locks: the spend lands in the budget's new period, exactly once", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 1_000_000, period: "month" });
    const code = await g.createCode({ value: 10 });
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    const watcher = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    await watcher.connect();
    try {
      await blocker.query("begin");
      await blocker.query("select 1 from discount_codes where code_id = $1 for update", [code.code_id]);
      await blocker.query("update budgets set period = 'quarter' where tenant_id = $1", [g.tenantId]);
      const pending = g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
      await waitForLockWaiter(watcher);
      await blocker.query("commit");
      const res = await pending;
      expect(res.status).toBe(201);
      expect(res.body.discount_cents).toBe(1_000);
    } finally {
      await blocker.end();
      await watcher.end();
    }
    const budget = await g.budget();
    expect(budget).toMatchObject({ period: "quarter", period_start: "2026-10-01", spent_cents: 1_000 });
    const ledger = await g.call("GET", "/dashboard/redemptions", { key: g.admin.key });
    expect(ledger.body.redemptions.map((r: { budget_period_start: string }) => r.budget_period_start)).toEqual(["2026-10-01"]);
  });
});
