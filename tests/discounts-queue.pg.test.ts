import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeemQueue } from "@/tools/discounts/redeem-queue";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { discountState } from "./support/discount-state";
import { expectStatus, governedTenant, testClock } from "./support/governed-tenant";

// Issue 11 / CONTRACT §7: the redeem queue is bounded. With a batch stuck on a lock and the queue full, a
// further redeem is answered at once with 503 unavailable and Retry-After, and moves nothing; the queued
// ones complete once the lock is released. PostgreSQL only: it needs a second connection holding a lock.

let t: TestDatabase;
const clock = testClock();
const saved = process.env.REDEEM_QUEUE_LIMIT;
beforeAll(async () => {
  if (testDbKind() !== "pg") throw new Error("run through the db:postgres project");
  t = await createTestDatabase({ poolSize: 8 });
  process.env.REDEEM_QUEUE_LIMIT = "2";
});
afterAll(async () => {
  if (saved === undefined) delete process.env.REDEEM_QUEUE_LIMIT;
  else process.env.REDEEM_QUEUE_LIMIT = saved;
  await t?.cleanup();
});

/** Polls a condition that other connections make true; fails (never skips) when it never holds. */
async function until(what: string, check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe("bounded redeem queue", () => {
  it("a full queue answers 503 unavailable with Retry-After, nothing moves, and the queued redeems complete", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    const watcher = new pg.Client({ connectionString: t.url });
    await Promise.all([blocker.connect(), watcher.connect()]);
    const redeem = (i: number) => g.redeem({ promo_code: code.promo_code, customer_id: `c${i}` }, randomUUID());
    try {
      await blocker.query("begin");
      await blocker.query("select 1 from discount_codes where code_id = $1 for update", [code.code_id]);
      const first = redeem(0);
      await until("the first batch waits on the code lock", async () =>
        (await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")).rows[0].n > 0);
      const queued = [redeem(1), redeem(2)];
      await until("two redeems wait in the queue", () => redeemQueue(t.database, g.tenantId).waitingCount === 2);
      const before = await discountState(t.database, g.tenantId);
      const refused = await Promise.all([redeem(3), redeem(4), redeem(5)]);
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.body.error.code).toBe("unavailable");
        expect(r.headers.get("retry-after")).toBe("1");
      }
      expect(await discountState(t.database, g.tenantId)).toEqual(before);
      await blocker.query("commit");
      for (const r of await Promise.all([first, ...queued])) expectStatus(r, 201);
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
    const after = await discountState(t.database, g.tenantId);
    expect(after.ledger).toHaveLength(3);
    expect(after.codes[0].redemption_count).toBe(3);
  });
});
