import type { FixPatch } from "@/core/offers/evaluate";
import { minorPerMajor } from "@/core/offers/money";

// A check's one-click fix is written in the draft's words (currency units); a saved offer takes the API's
// names and minor units. One mapping, used by the offer page's fix buttons.

/** FixPatch → update_offer fields. */
export function fixToOfferFields(p: FixPatch, currency = "USD"): Record<string, unknown> {
  const minor = (u: number) => Math.round(u * minorPerMajor(currency));
  const out: Record<string, unknown> = {};
  if (p.usageLimitPerCustomer !== undefined) out.usage_limit_per_customer = p.usageLimitPerCustomer;
  if (p.minimumSpend !== undefined) out.minimum_spend_cents = minor(p.minimumSpend);
  if (p.totalBudget !== undefined) out.total_budget_cents = minor(p.totalBudget);
  if (p.offerValue !== undefined) out.offer_value = p.offerValue;
  if (p.startDate !== undefined) out.start_date = p.startDate;
  if (p.endDate !== undefined) out.end_date = p.endDate;
  return out;
}

/** Words for a health value next to the status: whether the offer can redeem right now. */
export const HEALTH_WORDS: Record<string, string> = {
  draft: "draft", scheduled: "scheduled", live: "live", blocked_by_policy: "blocked by policy", paused_by_kpi: "paused by KPI floor",
  budget_exhausted: "budget exhausted", expired: "expired", inactive: "paused",
};
