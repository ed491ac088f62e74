import { formatMoney } from "@/core/offers/money";
import { reason } from "./reasons";
import type { BudgetScopeFact, GovernanceReason } from "./types";

// Money left in each budget a redemption draws on; never one cent over any cap.

/** Minor units still available in a budget (never negative). */
export function headroomOf(b: Pick<BudgetScopeFact, "cap_cents" | "spent_cents">): number {
  return Math.max(0, b.cap_cents - b.spent_cents);
}

const LABEL: Record<BudgetScopeFact["scope"], (b: BudgetScopeFact) => string> = {
  tenant: (b) => (b.period === "total" ? "the total budget" : `this ${b.period}'s budget`),
  offer: () => "the offer's budget",
  campaign: () => "the campaign's budget",
};

/**
 * Every budget must cover the discount; `tenantBudgetSet` false means no tenant budget exists (fail closed).
 * Amounts are written in the tenant's `currency` (ISO 4217).
 */
export function checkBudgetHeadroom(scopes: BudgetScopeFact[], discountCents: number, currency: string, tenantBudgetSet = true): GovernanceReason[] {
  const m = (minor: number) => formatMoney(minor, currency);
  const reasons: GovernanceReason[] = [];
  if (!tenantBudgetSet) {
    reasons.push(reason("budget_exhausted", "No discount budget is set for this tenant — an admin must set one (PUT /api/budget) before codes can be redeemed"));
  }
  for (const b of scopes) {
    const left = headroomOf(b);
    if (discountCents > left) {
      reasons.push(reason("budget_exhausted", `This discount is ${m(discountCents)} but only ${m(left)} of ${LABEL[b.scope](b)} (${m(b.cap_cents)}) is left`));
    }
  }
  return reasons;
}
