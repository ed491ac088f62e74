import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { savingsText, validityText } from "@/core/offers/preview";
import type { Tx } from "@/db/database";
import { merchantLocations, merchants, offerDescriptives as d, offers, tenants } from "@/db/schema";
import type { ToolContext } from "../context";
import { defineTool } from "../registry";
import { iso } from "./common-schemas";
import { statusCondition, textSearchCondition } from "./offer-read";
import { PublicMerchantList, PublicMerchantsInput, PublicOfferList, PublicOffersInput } from "./public-schemas";

// GET /api/v1/offers and /api/v1/merchants (public, read-only). Without a key the caller sees the
// active offers of every tenant (a marketplace); a tenant key sees only its own tenant's.

/** Anonymous and platform callers read as offer_public (only public rows, rls.sql); a tenant key stays in its tenant. */
function publicTx<T>(ctx: ToolContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.caller.tenantId ? ctx.db.withTenant(ctx.caller.tenantId, fn) : ctx.db.withPublic(fn);
}

/** Visible to the public: stored active, not past expiry, not deleted. */
const visible = (now: Date): SQL[] => [statusCondition("active", now), sql`${offers.deleted_at} is null`];

export const publicListOffers = defineTool({
  name: "public_list_offers",
  description: "Active offers as shoppers see them (no internal fields). Without a key: every tenant's; with a key: that tenant's.",
  input: PublicOffersInput,
  output: PublicOfferList,
  permission: "public.read",
  execute: (input, ctx) =>
    publicTx(ctx, async (tx) => {
      const now = ctx.now();
      const conds = visible(now);
      if (input.merchant_id) conds.push(eq(offers.merchant_owner, input.merchant_id));
      if (input.short_text) conds.push(textSearchCondition(tx, input.short_text));
      const rows = await tx
        .select({ o: offers, d, merchant_name: merchants.merchant_name, currency: tenants.currency })
        .from(offers)
        .innerJoin(tenants, eq(tenants.tenant_id, offers.tenant_id))
        .leftJoin(d, and(eq(d.tenant_id, offers.tenant_id), eq(d.offer_id, offers.offer_id), eq(d.language_code, offers.default_language)))
        .leftJoin(merchants, and(eq(merchants.tenant_id, offers.tenant_id), eq(merchants.merchant_id, offers.merchant_owner)))
        .where(and(...conds))
        .orderBy(desc(offers.created_at), desc(offers.offer_id))
        .limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(offers).where(and(...conds));
      return {
        offers: rows.map(({ o, d: copy, merchant_name, currency }) => ({
          offer_id: o.offer_id, merchant_id: o.merchant_owner, merchant_name, offer_type: o.offer_type, classification: o.classification,
          default_language: o.default_language, title: copy?.short_text ?? null, description: copy?.long_text ?? null,
          terms_conditions: copy?.terms_conditions ?? null, image_url: copy?.image_url ?? null,
          savings_amount: copy?.savings_amount ?? null, savings_type: copy?.savings_type ?? null,
          savings_text: savingsText({ savings_amount: copy?.savings_amount ?? null, savings_type: copy?.savings_type ?? null, offer_type: o.offer_type, offer_value: o.offer_value, max_discount_unit: o.max_discount_unit, currency }),
          offer_redemption_methods: o.offer_redemption_methods, clickthru_url: o.clickthru_url,
          valid_from: iso(o.version_active_from), valid_until: iso(o.offer_expiry_date),
          validity_text: validityText(o.version_active_from, o.offer_expiry_date),
        })),
        total_count: Number(n), limit: input.limit, offset: input.offset,
      };
    }),
});

export const publicListMerchants = defineTool({
  name: "public_list_merchants",
  description: "Active merchants that have at least one public offer, with their locations.",
  input: PublicMerchantsInput,
  output: PublicMerchantList,
  permission: "public.read",
  execute: (input, ctx) =>
    publicTx(ctx, async (tx) => {
      const live = and(...visible(ctx.now()), eq(offers.tenant_id, merchants.tenant_id), eq(offers.merchant_owner, merchants.merchant_id));
      const offerCount = sql<number>`(select count(*)::int from ${offers} where ${live})`;
      const where = and(eq(merchants.status, "active"), sql`${offerCount} > 0`);
      const rows = await tx.select({ m: merchants, active_offer_count: offerCount }).from(merchants).where(where)
        .orderBy(asc(merchants.merchant_name), asc(merchants.merchant_id)).limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(merchants).where(where);
      const ids = rows.map((r) => r.m.merchant_id);
      const locs = ids.length ? await tx.select().from(merchantLocations).where(inArray(merchantLocations.merchant_id, ids)) : [];
      return {
        merchants: rows.map(({ m, active_offer_count }) => ({
          merchant_id: m.merchant_id, merchant_name: m.merchant_name, merchant_type: m.merchant_type,
          primary_category_id: m.primary_category_id, active_offer_count: Number(active_offer_count),
          locations: locs.filter((l) => l.merchant_id === m.merchant_id && l.tenant_id === m.tenant_id)
            .map(({ address_line1, city, state, postal_code, latitude, longitude }) => ({ address_line1, city, state, postal_code, latitude, longitude })),
        })),
        total_count: Number(n), limit: input.limit, offset: input.offset,
      };
    }),
});
