import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignOffers, offers, programCampaigns } from "@/db/schema";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { discountState } from "./support/discount-state";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Door 6 of issue 10 (CONTRACT §6): offer and campaign caps are as exact under concurrency as the tenant
// cap. Redeem reads both caps FOR SHARE in its lock statement, so a cap change in flight is waited for and
// then applies, and concurrent redemptions never pass either cap by one cent. PostgreSQL only.

let t: TestDatabase;
const clock = testClock();
beforeAll(async () => {
  if (testDbKind() !== "pg") throw new Error("run through the db:postgres project");
  t = await createTestDatabase({ poolSize: 16 });
});
afterAll(() => t?.cleanup());

async function budgetedOffer(g: GovernedTenant, offerCap: number | null, campaignCap: number | null) {
  return t.database.withTenant(g.tenantId, async (tx) => {
    const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active", total_budget_cents: offerCap }).returning();
    const [c] = await tx.insert(programCampaigns).values({ tenant_id: g.tenantId, campaign_name: "Fall", budget_cents: campaignCap }).returning();
    await tx.insert(campaignOffers).values({ tenant_id: g.tenantId, campaign_id: c.campaign_id, offer_id: o.offer_id });
    return { offerId: o.offer_id, campaignId: c.campaign_id };
  });
}

/** Polls until `n` sessions of the app's login role wait on a lock (no timing is asserted; it fails if they never do). */
async function waitForLockWaiter(watcher: pg.Client, n = 1) {
  for (let i = 0; i < 400; i++) {
    const r = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (r.rows[0].n >= n) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`fewer than ${n} sessions ever waited on a lock`);
}

/** Spend of the offer and campaign rows and the ledger sum, read as the owner. */
async function spent(g: GovernedTenant) {
  const s = await discountState(t.database, g.tenantId);
  const of = (scope: string) => s.spend.filter((r) => r.scope === scope).reduce((n, r) => n + Number(r.spent), 0);
  const ledger = s.ledger.reduce((n, r) => n + Number(r.cents), 0);
  return { offer: of("offer"), campaign: of("campaign"), ledger, redemptions: s.ledger.length };
}

const fire = (g: GovernedTenant, promo: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => g.redeem({ promo_code: promo, customer_id: `c${i}`, order_total_cents: 10_000 }, randomUUID())));

describe("offer and campaign caps under concurrency", () => {
  it("120 concurrent redeems against an offer cap of 23 discounts: exactly 23", async () => {
    const g = await governedTenant(t.database, clock);
    const { offerId } = await budgetedOffer(g, 23 * 1_000 + 500, null);
    const code = await g.createCode({ offer_id: offerId, value: 10 });
    const results = await fire(g, code.promo_code, 120);
    expect(results.filter((r) => r.status === 201)).toHaveLength(23);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(new Set(["budget_exhausted"]));
    expect(await spent(g)).toEqual({ offer: 23_000, campaign: 23_000, ledger: 23_000, redemptions: 23 });
  });

  it("120 concurrent redeems over two offers sharing a campaign cap of 31 discounts: exactly 31", async () => {
    const g = await governedTenant(t.database, clock);
    const a = await budgetedOffer(g, null, 31 * 1_000 + 999);
    const b = await t.database.withTenant(g.tenantId, async (tx) => {
      const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active" }).returning();
      await tx.insert(campaignOffers).values({ tenant_id: g.tenantId, campaign_id: a.campaignId, offer_id: o.offer_id });
      return o.offer_id;
    });
    const [ca, cb] = [await g.createCode({ offer_id: a.offerId, value: 10 }), await g.createCode({ offer_id: b, value: 10 })];
    const results = (await Promise.all([fire(g, ca.promo_code, 60), fire(g, cb.promo_code, 60)])).flat();
    expect(results.filter((r) => r.status === 201)).toHaveLength(31);
    const s = await spent(g);
    expect(s).toMatchObject({ campaign: 31_000, ledger: 31_000, redemptions: 31 });
  });

  for (const scope of ["offer", "campaign"] as const) {
    it(`a ${scope} cap lowered while a redeem is in flight applies to it: 422, nothing spent`, async () => {
      const g = await governedTenant(t.database, clock);
      const ids = await budgetedOffer(g, 100_000, 100_000);
      const code = await g.createCode({ offer_id: ids.offerId, value: 10 });
      const blocker = new pg.Client({ connectionString: t.ownerUrl });
      const watcher = new pg.Client({ connectionString: t.url });
      await blocker.connect();
      await watcher.connect();
      try {
        await blocker.query("begin");
        if (scope === "offer") await blocker.query("update offers set total_budget_cents = 500 where offer_id = $1", [ids.offerId]);
        else await blocker.query("update program_campaigns set budget_cents = 500 where campaign_id = $1", [ids.campaignId]);
        const pending = g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
        await waitForLockWaiter(watcher);
        await blocker.query("commit");
        const res = await pending;
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe("budget_exhausted");
        expect(res.body.error.message).toContain(`the ${scope}'s budget`);
      } finally {
        await blocker.end();
        await watcher.end();
      }
      expect(await spent(g)).toEqual({ offer: 0, campaign: 0, ledger: 0, redemptions: 0 });
    });
  }

  it("an offer paused while a redeem is in flight applies to it: 422 inactive, nothing spent", async () => {
    const g = await governedTenant(t.database, clock);
    const ids = await budgetedOffer(g, null, null);
    const code = await g.createCode({ offer_id: ids.offerId, value: 10 });
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    const watcher = new pg.Client({ connectionString: t.url });
    await Promise.all([blocker.connect(), watcher.connect()]);
    try {
      await blocker.query("begin");
      await blocker.query("update offers set offer_status = 'inactive' where offer_id = $1", [ids.offerId]);
      const pending = g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
      await waitForLockWaiter(watcher);
      await blocker.query("commit");
      const res = await pending;
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("inactive");
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
    expect(await spent(g)).toEqual({ offer: 0, campaign: 0, ledger: 0, redemptions: 0 });
  });

  it("a cap change waits for the redemption holding the offer: the old cap applied to it, the new one after", async () => {
    const g = await governedTenant(t.database, clock);
    const ids = await budgetedOffer(g, 100_000, null);
    const code = await g.createCode({ offer_id: ids.offerId, value: 10 });
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    // Same login role as the app (pg_stat_activity shows wait events only for one's own role), tenant-scoped.
    const changer = new pg.Client({ connectionString: t.url });
    const watcher = new pg.Client({ connectionString: t.url });
    await Promise.all([blocker.connect(), changer.connect(), watcher.connect()]);
    try {
      // The redeem takes the offer FOR SHARE, then waits on the code row the blocker holds.
      await blocker.query("begin");
      await blocker.query("select 1 from discount_codes where code_id = $1 for update", [code.code_id]);
      const pending = g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
      await waitForLockWaiter(watcher);
      // The cap change now queues behind the redeem's share lock.
      await changer.query("begin");
      await changer.query("select set_config('role', 'offer_app', true), set_config('app.tenant_id', $1, true)", [g.tenantId]);
      const lowering = changer.query("update offers set total_budget_cents = 500 where offer_id = $1", [ids.offerId]);
      await waitForLockWaiter(watcher, 2);
      await blocker.query("commit");
      expectStatus(await pending, 201);
      expect((await lowering).rowCount).toBe(1);
      await changer.query("commit");
    } finally {
      await Promise.all([blocker.end(), changer.end(), watcher.end()]);
    }
    const after = await g.redeem({ promo_code: code.promo_code, order_total_cents: 10_000 });
    expect(after.body.error.code).toBe("budget_exhausted");
    expect(await spent(g)).toEqual({ offer: 1_000, campaign: 1_000, ledger: 1_000, redemptions: 1 });
  });
});
