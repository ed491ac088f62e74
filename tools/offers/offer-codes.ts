import { and, eq, inArray } from "drizzle-orm";
import { invalidInput } from "@/core/errors";
import { offerCodeTerms } from "@/core/offers/code-terms";
import { parseOfferTimestamp } from "@/core/offers/dates";
import type { Tx } from "@/db/database";
import { discountCodes } from "@/db/schema";
import { changeDetails, writeAudit } from "../audit";
import type { ToolContext } from "../context";
import { fieldIssues } from "../registry";
import { createCodeInTx } from "../discounts";
import { loadTenantCurrency } from "../discounts/facts";
import { CreateCodeInput } from "../discounts/schemas";
import { clearPauses, pausedCodeIds, recordPauses } from "./code-guard";
import type { CreateOfferInput } from "./offer-schemas";

// The promo code an offer asks for is created by the discount core (same policy checks, same audit),
// inside the offer's transaction: a policy violation (422) rolls the offer back too. A code is live
// only while its offer is: a draft's code is created inactive and switched on when an admin activates.

/** Offer field → code field, so a bad value is reported under the name the client sent. */
const FIELD_OF: Record<string, string> = {
  value: "offer_value", starts_at: "version_active_from", expires_at: "offer_expiry_date",
  usage_limit: "total_usage_limit", per_customer_limit: "usage_limit_per_customer", minimum_order_cents: "minimum_spend_cents",
};

/** The discount core's create-code input for this offer's terms (core/offers/code-terms.ts maps them). */
export function codeInputFor(offerId: string, input: CreateOfferInput, currency: string) {
  const mapped = offerCodeTerms(input, currency);
  if (!mapped.ok) throw invalidInput("The offer's promo code terms are invalid", mapped.issues);
  const { discount_type: type, value } = mapped.terms;
  const starts = input.version_active_from ?? input.start_date;
  const ends = input.offer_expiry_date ?? input.end_date;
  const raw = {
    surface: input.surface, discount_type: type, value, promo_code: input.promo_code, offer_id: offerId,
    usage_limit: input.total_usage_limit ?? undefined, per_customer_limit: input.usage_limit_per_customer ?? undefined,
    starts_at: starts ? parseOfferTimestamp(starts, "start").toISOString() : undefined,
    expires_at: ends ? parseOfferTimestamp(ends, "end").toISOString() : undefined,
    minimum_order_cents: input.minimum_spend_cents ?? undefined,
  };
  const parsed = CreateCodeInput.safeParse(raw);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error).map((i) => ({ ...i, field: FIELD_OF[i.field] ?? i.field }));
    throw invalidInput("The offer's promo code terms are invalid", issues);
  }
  return parsed.data;
}

/** Creates the governed promo code for a new offer inside tx; it starts paused unless the offer starts active. */
export async function createOfferCode(tx: Tx, tenantId: string, offerId: string, input: CreateOfferInput, ctx: ToolContext) {
  // A fixed offer_value is in the tenant currency's units; its code holds that currency's minor units.
  const currency = await loadTenantCurrency(tx, tenantId);
  return createCodeInTx(tx, tenantId, codeInputFor(offerId, input, currency), ctx.caller, ctx.now());
}

/**
 * Pauses the offer's live codes (recording that the offer paused them), or restores exactly the codes
 * it paused: a code someone switched off stays off (CONTRACT §6).
 */
async function setCodesStatus(tx: Tx, tenantId: string, offerId: string, status: "active" | "inactive", why: string, ctx: ToolContext) {
  const now = ctx.now();
  const restore = status === "active" ? await pausedCodeIds(tx, offerId) : [];
  if (status === "active" && restore.length === 0) return;
  const which = status === "active"
    ? and(eq(discountCodes.offer_id, offerId), inArray(discountCodes.code_id, restore), eq(discountCodes.status, "inactive"))
    : and(eq(discountCodes.offer_id, offerId), eq(discountCodes.status, "active"));
  const rows = await tx.update(discountCodes).set({ status, updated_at: now }).where(which)
    .returning({ code_id: discountCodes.code_id, promo_code: discountCodes.promo_code });
  if (status === "active") await clearPauses(tx, offerId, restore);
  else await recordPauses(tx, tenantId, offerId, rows.map((r) => r.code_id));
  await writeAudit(tx, tenantId, rows.map((r) => ({
    caller: ctx.caller, action: status === "active" ? "activate_offer_code" : "pause_offer_code", allowed: true,
    subject_type: "promo_code", subject_id: r.promo_code, at: now,
    details: changeDetails({ status: status === "active" ? "inactive" : "active" }, { status }, { code_id: r.code_id, offer_id: offerId, why }),
  })));
}

/** Keeps the offer's codes in step with its lifecycle: restored when the offer goes active, paused otherwise. */
export async function afterStatusChange(tx: Tx, tenantId: string, offerId: string, status: string, ctx: ToolContext): Promise<void> {
  await setCodesStatus(tx, tenantId, offerId, status === "active" ? "active" : "inactive", `offer ${status}`, ctx);
}

/** Moving the offer's window moves its codes' window too, so an extended offer's code keeps working. */
export async function syncCodeWindow(tx: Tx, offerId: string, window: { starts_at?: Date | null; expires_at?: Date | null }, ctx: ToolContext) {
  const set = Object.fromEntries(Object.entries(window).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await tx.update(discountCodes).set({ ...set, updated_at: ctx.now() }).where(eq(discountCodes.offer_id, offerId));
}
