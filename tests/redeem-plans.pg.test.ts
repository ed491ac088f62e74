import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignOffers, offers, programCampaigns } from "@/db/schema";
import type { Caller, ToolContext } from "@/tools/context";
import { redeemDiscountCode, validateDiscountCode } from "@/tools/discounts/redeem-tools";
import { runTool } from "@/tools/registry";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Issue 12: redeem and validate must cost the same on a ledger of a hundred rows or a million. Under RLS the
// planner may drive an index only with leakproof comparisons of plain columns (a COALESCE or a cast over a column
// is "leaky"), so an innocent-looking filter silently turns into a scan of the tenant's whole ledger: before this
// test, a lone redeem took 56 ms and validate 47 ms on a 200k-row ledger. Here the hot statements are captured as
// the app sends them (named, prepared) and re-planned as the app role with the generic plan a pooled connection
// settles on; the ledger may never be walked (a sequential scan, or an index scan bounded by tenant_id alone).
// (Reservations are not seeded here: an empty table is rightly read by a sequential scan.)

const LEDGER_ROWS = 30_000;
const HISTORY_TENANTS = 500;
const captured = new Map<string, { text: string; values: unknown[] }>();
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as { name?: string; text?: string; values?: unknown[] };
  if (q && typeof q === "object" && q.name && !captured.has(q.name)) {
    captured.set(q.name, { text: q.text!, values: (q.values ?? (args[1] as unknown[])) ?? [] });
  }
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

let t: TestDatabase;
let g: GovernedTenant;
let ctx: ToolContext;
let promo: string;
const clock = testClock();

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  const caller: Caller = { tenantId: g.tenantId, role: "connector", apiKeyId: null, provider: "shopify", issuerType: "connector" };
  ctx = { db: t.database, now: () => clock.now, caller };
  // An offer with caps, a campaign and per-customer controls: every count and lock of the hot path is in play.
  const offerId = await t.database.withTenant(g.tenantId, async (tx) => {
    const [o] = await tx.insert(offers).values({ tenant_id: g.tenantId, offer_type: "percentage_discount", offer_status: "active", total_budget_cents: 1e12 }).returning();
    const [c] = await tx.insert(programCampaigns).values({ tenant_id: g.tenantId, campaign_name: "Fall", budget_cents: 1e12 }).returning();
    await tx.insert(campaignOffers).values({ tenant_id: g.tenantId, campaign_id: c.campaign_id, offer_id: o.offer_id });
    return o.offer_id;
  });
  const code = await g.createCode({ offer_id: offerId, per_customer_limit: 5, usage_limit: 10_000_000 });
  promo = code.promo_code;
  // Other tenants' history, analysed; then this tenant's own long history on this very code and offer (other
  // customers, keys in both idempotency scopes) arrives after the statistics were taken: a new, busy tenant the
  // planner knows nothing about, the case where a tenant-only index walk looks as cheap as a probe.
  await t.database.withOwner((tx) => tx.execute(sql`with h as (insert into tenants (name)
      select 'history ' || n from generate_series(1, ${HISTORY_TENANTS}) n returning tenant_id)
    insert into discount_redemptions (tenant_id, kind, code_id, promo_code, surface, customer_id, order_total_cents, discount_cents,
      budget_period_start, idempotency_key, created_at)
    select h.tenant_id, 'redemption', gen_random_uuid(), 'H', 'shopify', 'h' || n, 10000, 1000, '2026-11-01', 'h' || n, now()
    from h, generate_series(1, 20) n`));
  await t.database.withOwner((tx) => tx.execute(sql`analyze`));
  await t.database.withOwner((tx) => tx.execute(sql`insert into discount_redemptions (tenant_id, kind, code_id, promo_code, surface,
      offer_id, customer_id, order_total_cents, discount_cents, budget_period_start, idempotency_key, api_key_id, created_at)
    select ${g.tenantId}, 'redemption', ${code.code_id}, ${promo}, 'shopify', ${offerId}, 'past-' || n, 10000, 1000, '2026-11-01',
      'k' || n, case when n % 2 = 0 then null else ${g.connector.api_key_id}::uuid end, now() - interval '1 day'
    from generate_series(1, ${LEDGER_ROWS}) n`));
});
afterAll(async () => {
  pg.Client.prototype.query = pgQuery;
  await t?.cleanup();
});

/** The statement's generic plan as the app role in the tenant, as EXPLAIN's JSON (why: what a warm pooled connection runs). */
async function genericPlan(name: string): Promise<unknown> {
  const stmt = captured.get(name);
  expect(stmt, `statement ${name} was not sent`).toBeDefined();
  const literals = stmt!.values.map((v) => (v === null || v === undefined ? "null"
    : pg.escapeLiteral(typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : String(v))));
  return t.database.withTenant(g.tenantId, async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql.raw(`prepare plan_under_test as ${stmt!.text}`));
    const res = await tx.execute(sql.raw(`explain (format json) execute plan_under_test(${literals.join(", ")})`));
    await tx.execute(sql.raw("deallocate plan_under_test"));
    return (res as unknown as { rows: { "QUERY PLAN": unknown }[] }).rows[0]["QUERY PLAN"];
  });
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Cond"?: string; Plans?: PlanNode[] };
// Index conditions that pin a probe below a tenant: a code, offer, idempotency key or row id (not tenant_id alone).
const PROBE = /\b(code_id|offer_id|idem_scope|idempotency_key|redemption_id|reservation_id) =/;

/** Ledger reads that walk rather than probe: a sequential scan, or an index scan bounded by tenant_id only. */
function ledgerWalks(plans: unknown): string[] {
  const out: string[] = [];
  const visit = (n: PlanNode) => {
    const rel = n["Relation Name"];
    if (rel === "discount_redemptions" && n["Node Type"] === "Seq Scan") out.push(`Seq Scan on ${rel}`);
    if (rel === "discount_redemptions" && /Index/.test(n["Node Type"]) && !PROBE.test(n["Index Cond"] ?? "")) {
      out.push(`${n["Node Type"]} on ${rel} by ${n["Index Cond"] ?? "nothing"}`);
    }
    for (const c of n.Plans ?? []) visit(c);
  };
  for (const p of plans as { Plan: PlanNode }[]) visit(p.Plan);
  return out;
}

describe(`the hot statements for a new tenant with ${LEDGER_ROWS} redemptions, planned as the app role under RLS`, () => {
  it("redeem and validate probe the ledger by code, offer, customer or key, never walk it", async () => {
    const redeem = (key: string, customer: string) => runTool(redeemDiscountCode,
      { promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: customer, idempotency_key: key }, ctx);
    const first = await redeem(randomUUID(), "new@x.com");
    expect(first.discount_cents).toBe(1_000);
    await runTool(validateDiscountCode, { promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: "past-7" }, ctx);
    for (const name of ["redeem_facts_locks", "redeem_counts", "redeem_write", "validate_facts"]) {
      const plan = await genericPlan(name);
      expect(JSON.stringify(plan)).toContain("discount_redemptions");
      expect(ledgerWalks(plan), `${name} walks the ledger`).toEqual([]);
    }
  });
});
