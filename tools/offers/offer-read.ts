import { and, count, desc, eq, exists, gt, ilike, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { notFound } from "@/core/errors";
import { parseOfferTimestamp } from "@/core/offers/dates";
import { effectiveStatus, type OfferStatus } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import { campaignOffers, discountCodes, offerDescriptives as d, offers } from "@/db/schema";
import { iso, likePattern } from "./common-schemas";
import { healthByOffer } from "./offer-facts";
import type { ListOffersInput, OfferOutput } from "./offer-schemas";

// Reading offers: one query shape for lists, single reads, campaign listings and public views.

export type OfferRow = typeof offers.$inferSelect;
export type DescriptiveRow = typeof d.$inferSelect;
type CodeSummary = { code_id: string; promo_code: string; surface: string; status: string };

const notDeleted = isNull(offers.deleted_at);
const notExpiredBy = (now: Date) => or(isNull(offers.offer_expiry_date), gt(offers.offer_expiry_date, now));

/** SQL twin of effectiveStatus, so filters and total_count agree with what each row reads as. */
export function statusCondition(status: OfferStatus, now: Date): SQL {
  if (status === "expired") {
    return or(eq(offers.offer_status, "expired"), and(isNotNull(offers.offer_expiry_date), lte(offers.offer_expiry_date, now)))!;
  }
  return and(eq(offers.offer_status, status), notExpiredBy(now))!;
}

/** Offers whose title or description (any language) contains the text, case-insensitively. */
export function textSearchCondition(tx: Tx, text: string): SQL {
  const pattern = likePattern(text);
  return exists(
    tx.select({ one: d.offer_id }).from(d).where(and(
      eq(d.tenant_id, offers.tenant_id), eq(d.offer_id, offers.offer_id),
      or(ilike(d.short_text, pattern), ilike(d.long_text, pattern)),
    )),
  );
}

/** Conditions for the dashboard list filters. */
export function listConditions(tx: Tx, input: Partial<ListOffersInput> & { campaign_id?: string }, now: Date): SQL[] {
  const conds: SQL[] = [notDeleted];
  if (input.merchant_owner) conds.push(eq(offers.merchant_owner, input.merchant_owner));
  if (input.program_id) conds.push(eq(offers.program_id, input.program_id));
  if (input.offer_status) conds.push(statusCondition(input.offer_status, now));
  if (input.short_text) conds.push(textSearchCondition(tx, input.short_text));
  if (input.campaign_id) {
    conds.push(exists(tx.select({ one: campaignOffers.offer_id }).from(campaignOffers).where(and(
      eq(campaignOffers.tenant_id, offers.tenant_id), eq(campaignOffers.offer_id, offers.offer_id), eq(campaignOffers.campaign_id, input.campaign_id),
    ))));
  }
  return conds;
}

/** One page of offers with their default-language descriptive, newest first, and the total. */
export async function queryOffers(tx: Tx, conds: SQL[], limit: number, offset: number) {
  const where = and(...conds);
  const rows = await tx
    .select({ offer: offers, desc: d })
    .from(offers)
    .leftJoin(d, and(eq(d.tenant_id, offers.tenant_id), eq(d.offer_id, offers.offer_id), eq(d.language_code, offers.default_language)))
    .where(where)
    .orderBy(desc(offers.created_at), desc(offers.offer_id))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await tx.select({ n: count() }).from(offers).where(where);
  return { rows, total: Number(n) };
}

/** The promo codes created for these offers, grouped by offer. */
export async function codesByOffer(tx: Tx, offerIds: string[]): Promise<Map<string, CodeSummary[]>> {
  const out = new Map<string, CodeSummary[]>();
  if (offerIds.length === 0) return out;
  const rows = await tx
    .select({ offer_id: discountCodes.offer_id, code_id: discountCodes.code_id, promo_code: discountCodes.promo_code, surface: discountCodes.surface, status: discountCodes.status })
    .from(discountCodes)
    .where(inArray(discountCodes.offer_id, offerIds));
  for (const { offer_id, ...code } of rows) out.set(offer_id!, [...(out.get(offer_id!) ?? []), code]);
  return out;
}

/** The campaigns each offer is linked to, in link order. */
export async function campaignsByOffer(tx: Tx, offerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (offerIds.length === 0) return out;
  const rows = await tx.select({ offer_id: campaignOffers.offer_id, campaign_id: campaignOffers.campaign_id }).from(campaignOffers)
    .where(inArray(campaignOffers.offer_id, offerIds)).orderBy(campaignOffers.created_at, campaignOffers.campaign_id);
  for (const r of rows) out.set(r.offer_id, [...(out.get(r.offer_id) ?? []), r.campaign_id]);
  return out;
}

/** The client's own timestamp text while it still names the stored instant, else ISO-8601. */
export function echoTimestamp(text: string | undefined, value: Date | null, edge: "start" | "end"): string | null {
  if (!value) return null;
  if (text && parseOfferTimestamp(text, edge).getTime() === value.getTime()) return text;
  return iso(value);
}

/** Row → API shape; offer_status is the effective status at `now`. */
export function toOfferOutput(row: OfferRow, desc: DescriptiveRow | null, codes: CodeSummary[], now: Date, campaignIds: string[] = []): Omit<OfferOutput, "health"> {
  const { tenant_id: _t, created_by_key_id: _k, issuer_type: _i, deleted_at: _d, date_inputs: texts, ...rest } = row;
  return {
    ...rest,
    version_active_from: echoTimestamp(texts.version_active_from, row.version_active_from, "start"),
    offer_expiry_date: echoTimestamp(texts.offer_expiry_date, row.offer_expiry_date, "end"),
    offer_status: effectiveStatus(row.offer_status, row.offer_expiry_date, now),
    short_text: desc?.short_text ?? null,
    long_text: desc?.long_text ?? null,
    terms_conditions: desc?.terms_conditions ?? null,
    image_url: desc?.image_url ?? null,
    savings_amount: desc?.savings_amount ?? null,
    savings_type: desc?.savings_type ?? null,
    promo_codes: codes,
    campaign_ids: campaignIds,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

/** A page of API-shaped offers for the given conditions. */
export async function listOfferOutputs(tx: Tx, conds: SQL[], limit: number, offset: number, now: Date) {
  const { rows, total } = await queryOffers(tx, conds, limit, offset);
  const ids = rows.map((r) => r.offer.offer_id);
  const [codes, campaigns] = [await codesByOffer(tx, ids), await campaignsByOffer(tx, ids)];
  // CONTRACT §9: every read says whether the offer can redeem right now (core/offers/health).
  const health = await healthByOffer(tx, rows.map((r) => r.offer), now);
  const list = rows.map((r) => ({
    ...toOfferOutput(r.offer, r.desc, codes.get(r.offer.offer_id) ?? [], now, campaigns.get(r.offer.offer_id) ?? []),
    health: health.get(r.offer.offer_id)!,
  }));
  return { offers: list, total_count: total, limit, offset };
}

/** A live (not deleted) offer row of the caller's tenant, or 404 — also for another tenant's id. */
export async function loadOffer(tx: Tx, offerId: string, opts: { lock?: boolean } = {}): Promise<OfferRow> {
  const q = tx.select().from(offers).where(and(eq(offers.offer_id, offerId), notDeleted));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound("Offer");
  return row;
}

/** One offer in API shape. */
export async function readOffer(tx: Tx, offerId: string, now: Date): Promise<OfferOutput> {
  const page = await listOfferOutputs(tx, [notDeleted, eq(offers.offer_id, offerId)], 1, 0, now);
  if (!page.offers[0]) throw notFound("Offer");
  return page.offers[0];
}

