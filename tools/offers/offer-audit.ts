import type { AppError, Reason } from "@/core/errors";
import type { Tx } from "@/db/database";
import type { offerDescriptives, redemptionControls } from "@/db/schema";
import { auditChange, writeAudit } from "../audit";
import { type ToolContext, tenantTx } from "../context";

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
  const subject = { type: "offer", id: offerId };
  await auditChange(tx, tenantId, ctx.caller, action, subject, trim(before), trim(after), { offer_id: offerId, ...extra }, ctx.now());
}

/** An object that belongs to an offer: its audit subject and the offer it belongs to. */
type OfferPart = { type: string; id: string | null; offerId: string | null };

/** Audits a change of another object that belongs to an offer (controls, lists, copy, campaign links). */
export async function auditOfferPart(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string, part: OfferPart,
  before: object | null, after: object | null, extra: Record<string, unknown> = {},
): Promise<void> {
  const subject = { type: part.type, id: part.id };
  await auditChange(tx, tenantId, ctx.caller, action, subject, before, after, { offer_id: part.offerId, ...extra }, ctx.now());
}

type ControlRow = typeof redemptionControls.$inferSelect;
type CopyRow = typeof offerDescriptives.$inferSelect;
const withoutStamps = <T extends { created_at: Date; updated_at: Date }>({ created_at: _c, updated_at: _u, ...rest }: T) =>
  rest;

/** Audits a campaign change with before/after (why: campaigns carry budgets and offer links). */
export function auditCampaign(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string,
  before: object | null, after: object | null, extra: Record<string, unknown> = {},
): Promise<void> {
  const id = ((after ?? before) as { campaign_id: string }).campaign_id;
  return auditChange(tx, tenantId, ctx.caller, action, { type: "campaign", id }, before, after, extra, ctx.now());
}

/** Audits a redemption-control change with before/after (why: controls decide who may redeem how often). */
export function auditControl(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string, before: ControlRow | null, after: ControlRow | null,
): Promise<void> {
  const row = (after ?? before)!;
  const part = { type: "redemption_control", id: row.control_id, offerId: row.offer_id };
  return auditOfferPart(tx, tenantId, ctx, action, part, before, after);
}

/** Audits a copy change with before/after (why: customer-facing terms are part of what was approved). */
export function auditCopy(
  tx: Tx, tenantId: string, ctx: ToolContext, action: string, before: CopyRow | null, after: CopyRow,
): Promise<void> {
  const part = { type: "offer", id: after.offer_id, offerId: after.offer_id };
  const was = before ? withoutStamps(before) : null;
  const extra = { language_code: after.language_code };
  return auditOfferPart(tx, tenantId, ctx, action, part, was, withoutStamps(after), extra);
}

/** The audit action of an activation the checks refused (the timeline shows it although allowed is false). */
export const ACTIVATION_REFUSED = "activation_refused";

/** Holds the checks' refusal until the activation's transaction has rolled back. */
export type Refusal = { error?: AppError };

/**
 * Runs an activation; when its checks refused it (refusal.error set), records who tried and the §2.4 reasons in a
 * short transaction of its own (why: the refused transaction rolls back, the attempt must stay on the timeline).
 */
export async function recordingRefusal<T>(
  ctx: ToolContext, offerId: string, run: (r: Refusal) => Promise<T>,
): Promise<T> {
  const refusal: Refusal = {};
  try {
    return await run(refusal);
  } catch (e) {
    const err = refusal.error;
    if (err) {
      const reasons = (err.details.reasons as Reason[] | undefined) ?? [{ code: err.code, message: err.message }];
      await tenantTx(ctx, (tx, tenantId) => writeAudit(tx, tenantId, {
        caller: ctx.caller, action: ACTIVATION_REFUSED, allowed: false, reasons,
        subject_type: "offer", subject_id: offerId, details: { offer_id: offerId }, at: ctx.now(),
      }));
    }
    throw e;
  }
}
