"use server";

import type { OfferDraft } from "@/agent/draft";
import type { OfferEvaluation } from "@/core/offers/evaluate";
import { toMinorUnits } from "@/core/offers/money";
import { requireSession } from "./session";
import { previewDraftChecks } from "@/tools/offers/offer-check-tools";
import { tryTool } from "./tools";

// The copilot form's live re-check (issue 16 item 6): the draft as it stands, evaluated by the same checks
// activation runs (POST /dashboard/offers/checks), without a chat message. Writes nothing.

/** The draft → preview_draft_checks input (amounts in the draft's currency's minor units). */
function draftInput(d: OfferDraft) {
  const minor = (u: number | null) => (u === null ? null : toMinorUnits(u, d.currency ?? "USD"));
  return {
    offer_type: d.offerType, offer_value: d.offerValue, max_discount_unit: d.maxDiscountUnit, surface: d.surface,
    minimum_spend_cents: minor(d.minimumSpend), total_budget_cents: minor(d.totalBudget), start_date: d.startDate, end_date: d.endDate,
    classification: d.programType, target_audience: d.targetAudience ?? [], copy: [d.title, d.description, d.terms].filter(Boolean).join("\n"),
    usage_limit_per_customer: d.usageLimitPerCustomer, redemption_method: d.redemptionMethod, promo_code: d.promoCode,
  };
}

/** Evaluates the draft now; null when it cannot be checked (signed out, or a field the form should have caught). */
export async function checkDraftNow(draft: OfferDraft): Promise<OfferEvaluation | null> {
  const session = await requireSession();
  const r = await tryTool(session, previewDraftChecks, draftInput(draft));
  return r.ok ? r.data : null;
}
