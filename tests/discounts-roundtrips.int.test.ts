import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignOffers, offers, programCampaigns } from "@/db/schema";
import type { Caller, ToolContext } from "@/tools/context";
import { redeemDiscountCode, validateDiscountCode } from "@/tools/discounts/redeem-tools";
import { runTool } from "@/tools/registry";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Issue 12: a lone redeem (empty queue, batch of one) costs no more database round trips than the naive
// transaction (BEGIN, set_config, three writes, COMMIT = 6), and validate fewer still. Every statement the
// drivers send is counted at the client: pg's Client#query, and on PGlite BEGIN + each query/exec + COMMIT.

let counting = false;
let count = 0;
const texts: string[] = [];
/** Why: counts only while a measured call runs, whichever driver sends the statement. */
function tally(text: unknown) {
  if (!counting) return;
  count++;
  texts.push(String(typeof text === "object" && text ? (text as { text?: string }).text : text).slice(0, 60).replace(/\s+/g, " "));
}

const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  tally(args[0]);
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

type TxLike = { query: (...a: unknown[]) => unknown; exec: (...a: unknown[]) => unknown };
const pgliteTransaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (this: PGlite, callback: (tx: never) => Promise<unknown>) {
  tally("BEGIN");
  return pgliteTransaction.call(this, async (tx) => {
    const counted = new Proxy(tx as unknown as TxLike, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (key !== "query" && key !== "exec") return v;
        return (...a: unknown[]) => {
          tally(a[0]);
          return (v as (...x: unknown[]) => unknown).apply(target, a);
        };
      },
    });
    try {
      return await callback(counted as never);
    } finally {
      tally("COMMIT or ROLLBACK");
    }
  }) as never;
} as typeof PGlite.prototype.transaction;

let t: TestDatabase;
let g: GovernedTenant;
const clock = testClock();
let ctx: ToolContext;

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  const caller: Caller = { tenantId: g.tenantId, role: "connector", apiKeyId: null, provider: "shopify", issuerType: "connector" };
  ctx = { db: t.database, now: () => clock.now, caller };
});
afterAll(async () => {
  pg.Client.prototype.query = pgQuery;
  PGlite.prototype.transaction = pgliteTransaction;
  await t?.cleanup();
});

/** Round trips of one call, and the statements' openings (printed on failure). */
async function roundTrips(fn: () => Promise<unknown>): Promise<{ n: number; texts: string[] }> {
  count = 0;
  texts.length = 0;
  counting = true;
  try {
    await fn();
  } finally {
    counting = false;
  }
  return { n: count, texts: [...texts] };
}

const redeem = (promo: string) => () =>
  runTool(redeemDiscountCode, { promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: `c-${randomUUID()}`, idempotency_key: randomUUID() }, ctx);
const validate = (promo: string) => () =>
  runTool(validateDiscountCode, { promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: "v@x.com" }, ctx);

/** A code on an active offer with its own cap, drawing on a capped campaign: every spend scope and lock in play. */
async function offerCode(): Promise<string> {
  const offerId = await t.database.withTenant(g.tenantId, async (tx) => {
    const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active", total_budget_cents: 1e9 }).returning();
    const [c] = await tx.insert(programCampaigns).values({ tenant_id: g.tenantId, campaign_name: "Fall", budget_cents: 1e9 }).returning();
    await tx.insert(campaignOffers).values({ tenant_id: g.tenantId, campaign_id: c.campaign_id, offer_id: o.offer_id });
    return o.offer_id;
  });
  return (await g.createCode({ offer_id: offerId, per_customer_limit: 1, usage_limit: 1000 })).promo_code;
}

describe("round trips of a lone request (counted at the driver)", () => {
  it("a lone redeem of a plain code costs at most 6, like the naive transaction", async () => {
    const { promo_code } = await g.createCode({ per_customer_limit: 1 });
    await redeem(promo_code)(); // the period's first redemption creates its spend row (once per period and scope)
    const r = await roundTrips(redeem(promo_code));
    expect(r.n, r.texts.join("\n")).toBeLessThanOrEqual(6);
    expect(r.n).toBeGreaterThanOrEqual(4);
  });

  it("a lone redeem of an offer's code (offer, campaign and tenant caps, controls) costs at most 6", async () => {
    const promo = await offerCode();
    await redeem(promo)();
    const r = await roundTrips(redeem(promo));
    expect(r.n, r.texts.join("\n")).toBeLessThanOrEqual(6);
  });

  it("a refused lone redeem is audited in the same at most 6", async () => {
    const { promo_code } = await g.createCode({ minimum_order_cents: 1e9 });
    const r = await roundTrips(() => redeem(promo_code)().catch((e: { code?: string }) => expect(e.code).toBe("minimum_order")));
    expect(r.n, r.texts.join("\n")).toBeLessThanOrEqual(6);
  });

  it("validate costs fewer round trips than a lone redeem", async () => {
    const promo = await offerCode();
    await redeem(promo)();
    const v = await roundTrips(validate(promo));
    const r = await roundTrips(redeem(promo));
    expect(v.n, v.texts.join("\n")).toBeLessThanOrEqual(4);
    expect(v.n).toBeLessThan(r.n);
  });

  it("concurrent validations share one read: 16 at once cost what one does, each answered as if alone", async () => {
    const promo = await offerCode();
    const one = (i: number) => runTool(validateDiscountCode, { promo_code: promo, surface: "shopify", order_total_cents: 1_000 * (i + 1), customer_id: `v${i}@x.com` }, ctx);
    const alone = [];
    for (let i = 0; i < 16; i++) alone.push(await one(i));
    let together: unknown[] = [];
    const r = await roundTrips(async () => {
      together = await Promise.all(Array.from({ length: 16 }, (_, i) => one(i)));
    });
    expect(r.n, r.texts.join("\n")).toBeLessThanOrEqual(4);
    expect(together).toEqual(alone);
    expect(alone.map((a) => (a as { discount_cents: number }).discount_cents)).toEqual(Array.from({ length: 16 }, (_, i) => 100 * (i + 1)));
  });
});
