import type { Tx } from "@/db/database";
import { auditChange } from "../audit";
import type { ToolContext } from "../context";

// Audit rows of offer-scoped changes: subject "offer" and the offer id, so the offer's timeline
// (GET /dashboard/offers/{id}/timeline) and GET /api/audit read the same rows.

/** Keys of an offer read that say nothing about money, eligibility or copy (left out of before/after). */
const NOISE = new Set(["updated_at", "created_at", "health"]);

const trim = (o: object | null) =>
  o && Object.fromEntries(Object.entries(o).filter(([k]) => !NOISE.has(k)));

/** Audits a change of one offer with before/after (why: door 8, every change to money or eligibility). */
export async function auditOfferChange(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string, offerId: string,
  before: object | null, after: object | null, extra: Record<string, unknown> = {},
): Promise<void> {
  await auditChange(tx, tenantId, ctx.caller, action, { type: "offer", id: offerId }, trim(before), trim(after), { offer_id: offerId, ...extra }, ctx.now());
}

/** Audits a change of another object that belongs to an offer (controls, lists, copy, campaign links). */
export async function auditOfferPart(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string, part: { type: string; id: string | null; offerId: string | null },
  before: object | null, after: object | null, extra: Record<string, unknown> = {},
): Promise<void> {
  await auditChange(tx, tenantId, ctx.caller, action, { type: part.type, id: part.id }, before, after, { offer_id: part.offerId, ...extra }, ctx.now());
}
