import { and, countDistinct, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/database";
import { customerListEntries, customerLists } from "@/db/schema";
import { tenantTx } from "../context";
import { loadTenantCurrency } from "../discounts/facts";
import { defineTool } from "../registry";
import { Uuid } from "./common-schemas";
import { loadOffer } from "./offer-read";
import { OfferIdInput } from "./offer-schemas";

// GET /dashboard/offers/{id}/analytics, computed from the ledger (discount_redemptions). A voided
// redemption and its void row both drop out. The offer's rows come from discount_redemptions_offer_created_idx
// (or a scan when the offer is most of the table); the void check is a lookup on discount_redemptions_void_uq.

export const AnalyticsOutput = z.object({
  offer_id: Uuid,
  currency: z.string(),
  total_redemptions: z.number().int(),
  unique_users: z.number().int(),
  revenue_generated: z.number().int().describe("Cents: sum of order_total_cents of the offer's redeemed (not voided) orders"),
  discount_cents: z.number().int(),
  conversion_rate: z.number().nullable().describe("unique_users / audience_size (customers on the offer's lists); null for an open offer with no list"),
  audience_size: z.number().int().nullable(),
  voided_redemptions: z.number().int(),
  redemptions_by_day: z.array(z.object({ date: z.string(), count: z.number().int(), discount_cents: z.number().int() })),
});

type DayRow = { day: string | null; n: number; discount: string | number | null; revenue: string | number | null; users: number; voided: number };
const rowsOf = <T>(res: unknown): T[] => (res as { rows?: T[] }).rows ?? (res as T[]);

/**
 * One pass over the offer's ledger rows: each redemption is flagged when a void points at it (the
 * voids come from discount_redemptions_void_uq, a few rows), then per-day sums, distinct customers
 * and the void count are aggregated from that one materialised set.
 */
const analyticsQuery = (tenantId: string, offerId: string) => sql`
  with flagged as materialized (
    select r.created_at, r.customer_id, r.order_total_cents, r.discount_cents, (v.voids_redemption_id is not null) as voided
      from discount_redemptions r
      left join (select voids_redemption_id from discount_redemptions
                  where tenant_id = ${tenantId} and voids_redemption_id is not null) v on v.voids_redemption_id = r.redemption_id
     where r.tenant_id = ${tenantId} and r.offer_id = ${offerId} and r.kind = 'redemption'),
  days as (select ((created_at at time zone 'UTC')::date)::text as day, count(*)::int as n,
                  sum(discount_cents) as discount, sum(order_total_cents) as revenue
             from flagged where not voided group by 1),
  users as (select count(*)::int as users from (select customer_id from flagged where not voided group by 1) s),
  voids as (select count(*)::int as voided from flagged where voided)
  select d.day, coalesce(d.n, 0) as n, d.discount, d.revenue, u.users, x.voided
    from users u cross join voids x left join days d on true
   order by d.day`;

/** Ledger totals (voids excluded) and per-day counts (UTC days with at least one live redemption). */
export async function ledgerTotals(tx: Tx, tenantId: string, offerId: string) {
  const rows = rowsOf<DayRow>(await tx.execute(analyticsQuery(tenantId, offerId)));
  const days = rows.filter((r) => r.day !== null).map((r) => ({ date: r.day!, count: r.n, discount_cents: Number(r.discount) }));
  const sum = (f: (r: DayRow) => number) => rows.reduce((acc, r) => acc + (r.day === null ? 0 : f(r)), 0);
  return {
    total: {
      n: sum((r) => r.n), users: rows[0]?.users ?? 0, voided: rows[0]?.voided ?? 0,
      revenue: sum((r) => Number(r.revenue)), discount: sum((r) => Number(r.discount)),
    },
    days,
  };
}

/**
 * Per offer and UTC day, the live (not voided) redemptions, discount and revenue of many offers in one statement —
 * the same rows ledgerTotals counts (why: the forecast reads a whole history; one query instead of one per offer).
 */
export async function ledgerDaysByOffer(tx: Tx, tenantId: string, offerIds: string[]) {
  type Row = { offer_id: string; day: string; n: number; discount: string | number; revenue: string | number };
  if (offerIds.length === 0) return new Map<string, Row[]>();
  const rows = rowsOf<Row>(await tx.execute(sql`
    select r.offer_id, ((r.created_at at time zone 'UTC')::date)::text as day, count(*)::int as n,
           sum(r.discount_cents) as discount, sum(r.order_total_cents) as revenue
      from discount_redemptions r
     where r.tenant_id = ${tenantId} and r.kind = 'redemption'
       and r.offer_id in (${sql.join(offerIds.map((id) => sql`${id}::uuid`), sql`, `)})
       and not exists (select 1 from discount_redemptions v where v.tenant_id = ${tenantId} and v.voids_redemption_id = r.redemption_id)
     group by 1, 2 order by 1, 2`));
  const byOffer = new Map<string, Row[]>();
  for (const r of rows) byOffer.set(r.offer_id, [...(byOffer.get(r.offer_id) ?? []), r]);
  return byOffer;
}

/** EXPLAIN ANALYZE of the analytics query, for the timing script. */
export async function explainLedgerTotals(tx: Tx, tenantId: string, offerId: string): Promise<string[]> {
  return rowsOf<Record<string, string>>(await tx.execute(sql`explain analyze ${analyticsQuery(tenantId, offerId)}`)).map((r) => Object.values(r)[0]);
}

export const offerAnalytics = defineTool({
  name: "get_offer_analytics",
  description: "Redemptions, unique users, revenue, discount spent and conversion of one offer, from the ledger (voids excluded).",
  input: OfferIdInput,
  output: AnalyticsOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      await loadOffer(tx, input.offer_id);
      const { total, days } = await ledgerTotals(tx, tenantId, input.offer_id);
      const [{ lists, audience }] = await tx
        .select({ lists: countDistinct(customerLists.list_id), audience: countDistinct(customerListEntries.customer_key) })
        .from(customerLists)
        .leftJoin(customerListEntries, and(eq(customerListEntries.tenant_id, customerLists.tenant_id), eq(customerListEntries.list_id, customerLists.list_id)))
        .where(eq(customerLists.offer_id, input.offer_id));
      const currency = await loadTenantCurrency(tx, tenantId);
      const audienceSize = Number(lists) > 0 ? Number(audience) : null;
      return {
        offer_id: input.offer_id,
        currency,
        total_redemptions: total.n,
        unique_users: total.users,
        revenue_generated: Number(total.revenue),
        discount_cents: Number(total.discount),
        conversion_rate: audienceSize ? Math.round((total.users / audienceSize) * 10_000) / 10_000 : null,
        audience_size: audienceSize,
        voided_redemptions: total.voided,
        redemptions_by_day: days,
      };
    }),
});
