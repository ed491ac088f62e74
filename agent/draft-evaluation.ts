import { type CheckFacts, evaluateOffer, type OfferEvaluation } from "@/core/offers/evaluate";
import { toMinorUnits } from "@/core/offers/money";
import { draftUnderCheck } from "@/tools/offers/offer-check-tools";
import type { OfferDraft } from "./draft";
import type { TenantFacts } from "./facts";

// The copilot's draft in the one evaluation (core/offers/evaluate, issue 16): the same mapping the form's live
// re-check sends to preview_draft_checks, so the chat, the checks panel, activation and commit cannot disagree.

/** The draft → preview_draft_checks input, amounts in `currency`'s minor units (the form and the copilot share it). */
export function draftChecksInput(d: OfferDraft, currency = d.currency ?? "USD") {
  const minor = (u: number | null) => (u === null ? null : toMinorUnits(u, currency));
  return {
    offer_type: d.offerType, offer_value: d.offerValue, max_discount_unit: d.maxDiscountUnit, surface: d.surface,
    minimum_spend_cents: minor(d.minimumSpend), total_budget_cents: minor(d.totalBudget), start_date: d.startDate, end_date: d.endDate,
    classification: d.programType, target_audience: d.targetAudience ?? [], copy: [d.title, d.description, d.terms].filter(Boolean).join("\n"),
    usage_limit_per_customer: d.usageLimitPerCustomer, redemption_method: d.redemptionMethod, promo_code: d.promoCode,
  };
}

/** The copilot's facts in evaluateOffer's shape: the agent's day, the facts' instant for KPI freshness. */
export function checkFactsOf(facts: TenantFacts, today: string): CheckFacts {
  const { policies, snapshots, budget, currency, now } = facts;
  return { policies, snapshots, budget, currency, today, now };
}

/** evaluateOffer on a draft, amounts read in the tenant's currency (a different stated currency is asked about). */
export function evaluateDraft(d: OfferDraft, facts: TenantFacts, today: string): OfferEvaluation {
  return evaluateOffer(draftUnderCheck(draftChecksInput(d, facts.currency)), checkFactsOf(facts, today));
}
