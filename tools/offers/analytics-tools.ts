import { and, countDistinct, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/database";
import { customerListEntries, customerLists, tenants } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { Uuid } from "./common-schemas";
import { loadOffer } from "./offer-read";
import { OfferIdInput } from "./offer-schemas";

// GET /dashboard/offers/{id}/analytics, computed from the ledger (discount_redemptions). A voided
// redemption and its void row both drop out. One index-driven scan over the offer's rows
// (discount_redemptions_offer_created_idx), with the void anti-join on discount_redemptions_void_uq.

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

type Agg = { day: string | null; n: number; users: number; revenue: string | number; discount: string | number; voided: number };

/** Ledger totals and per-day counts for one offer in a single grouped scan. */
export async function ledgerTotals(tx: Tx, tenantId: string, offerId: string) {
  const res = await tx.execute(sql`
    select to_char((r.created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day,
           count(*) filter (where v.redemption_id is null)::int as n,
           count(distinct r.customer_id) filter (where v.redemption_id is null)::int as users,
           coalesce(sum(r.order_total_cents) filter (where v.redemption_id is null), 0) as revenue,
           coalesce(sum(r.discount_cents) filter (where v.redemption_id is null), 0) as discount,
           count(v.redemption_id)::int as voided
      from discount_redemptions r
      left join discount_redemptions v on v.tenant_id = r.tenant_id and v.voids_redemption_id = r.redemption_id
     where r.tenant_id = ${tenantId} and r.offer_id = ${offerId} and r.kind = 'redemption'
     group by grouping sets ((to_char((r.created_at at time zone 'UTC')::date, 'YYYY-MM-DD')), ())
     order by 1 nulls first`);
  const rows = ((res as unknown as { rows?: Agg[] }).rows ?? (res as unknown as Agg[]));
  const total = rows.find((r) => r.day === null) ?? { n: 0, users: 0, revenue: 0, discount: 0, voided: 0 };
  const days = rows.filter((r) => r.day !== null && r.n > 0).map((r) => ({ date: r.day!, count: r.n, discount_cents: Number(r.discount) }));
  return { total, days };
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
      const [tenant] = await tx.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.tenant_id, tenantId));
      const audienceSize = Number(lists) > 0 ? Number(audience) : null;
      return {
        offer_id: input.offer_id,
        currency: tenant?.currency ?? "USD",
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
