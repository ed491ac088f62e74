// `npm run bench -- analytics [pglite]`: GET /dashboard/offers/{id}/analytics on a 200k-row ledger
// (one offer with 100k redemptions, one with 2k beside it) and the query plan of each; the small offer
// is the side-by-side reference that shows the index keeps cost proportional to the offer, not the ledger.
import { sql } from "drizzle-orm";
import { runTool } from "@/tools/registry";
import { explainLedgerTotals, offerAnalytics } from "@/tools/offers/analytics-tools";
import { createTestDatabase } from "../tests/support/db";
import { makeTenantWithKeys, toolCtx } from "../tests/support/fixtures";

const ROWS = 100_000;
const NOISE = 50_000;
const SMALL = 2_000;

let k0 = "";
let o0 = "";

/** Runs on PostgreSQL by default (TEST_DATABASE_URL), or PGlite with the argument "pglite". */
export default async function run(args: string[]) {
  process.env.TEST_DB = args.includes("pglite") ? "pglite" : "pg";
  const t = await createTestDatabase();
  try {
    const k = await makeTenantWithKeys(t.database);
    const other = await makeTenantWithKeys(t.database);
    const ctx = toolCtx(t.database, { tenantId: k.tenantId, role: "admin" });
    const offerId = crypto.randomUUID();
    const smallOfferId = crypto.randomUUID();
    k0 = k.tenantId;
    o0 = offerId;
    await t.database.withOwner(async (tx) => {
      for (const id of [offerId, smallOfferId]) {
        await tx.execute(sql`insert into offers (tenant_id, offer_id, offer_type) values (${k.tenantId}, ${id}, 'percentage_discount')`);
      }
      const fill = (tenant: string, offer: string | null, n: number) => tx.execute(sql`
        insert into discount_redemptions (tenant_id, redemption_id, kind, code_id, promo_code, surface, offer_id, customer_id,
          order_total_cents, discount_cents, budget_period_start, created_at)
        select ${tenant}, gen_random_uuid(), 'redemption', gen_random_uuid(), 'BENCH', 'shopify', coalesce(${offer}::uuid, gen_random_uuid()),
               'cust' || (i % 20000), 5000 + (i % 100) * 10, 500 + (i % 50), '2026-11-01',
               timestamptz '2026-09-01' + (i % 90) * interval '1 day' + (i % 86400) * interval '1 second'
          from generate_series(1, ${n}) i`);
      await fill(k.tenantId, offerId, ROWS);
      await fill(k.tenantId, null, NOISE);
      await fill(other.tenantId, offerId, NOISE);
      await fill(k.tenantId, smallOfferId, SMALL);
      // Void every 50th redemption of the offer.
      await tx.execute(sql`
        insert into discount_redemptions (tenant_id, redemption_id, kind, code_id, promo_code, surface, offer_id, customer_id,
          order_total_cents, discount_cents, budget_period_start, voids_redemption_id, created_at)
        select tenant_id, gen_random_uuid(), 'void', code_id, promo_code, surface, offer_id, customer_id, order_total_cents, -discount_cents,
               budget_period_start, redemption_id, created_at + interval '1 hour'
          from (select *, row_number() over (order by redemption_id) rn from discount_redemptions where tenant_id = ${k.tenantId} and offer_id = ${offerId}) r
         where rn % 50 = 0`);
      await tx.execute(sql`analyze discount_redemptions`);
    });
    for (const [label, id] of [["offer with 100k rows", offerId], ["offer with 2k rows", smallOfferId]] as const) {
      const plan = await t.database.withTenant(k.tenantId, (tx) => explainLedgerTotals(tx, k.tenantId, id));
      console.log(`-- ${label}\n${plan.filter((l) => /Scan|Execution Time/.test(l)).join("\n")}`);
      const first = await runTool(offerAnalytics, { offer_id: id }, ctx);
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await runTool(offerAnalytics, { offer_id: id }, ctx);
        times.push(performance.now() - start);
      }
      times.sort((x, y) => x - y);
      console.log(JSON.stringify({
        db: process.env.TEST_DB, case: label, ledger_rows_total: ROWS + SMALL + NOISE * 2 + ROWS / 50, total_redemptions: first.total_redemptions,
        voided: first.voided_redemptions, days: first.redemptions_by_day.length, median_ms: Math.round(times[3]), min_ms: Math.round(times[0]), max_ms: Math.round(times[6]),
      }));
    }
  } finally {
    if (process.env.KEEP_DB) console.log(`kept ${t.url} tenant ${k0} offer ${o0}`);
    else await t.cleanup();
  }
}

