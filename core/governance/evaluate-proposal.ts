import { checkBudgetHeadroom, headroomOf } from "./budget-headroom";
import { checkKpiFloors } from "./kpi-floors";
import { checkPolicyRange, nearestCompliantValue } from "./policy-range";
import { formatMoney } from "@/core/offers/money";
import { reason } from "./reasons";
import type { BudgetScopeFact, DiscountType, GovernanceReason, KpiSnapshotFact, PolicyFacts } from "./types";

/** A discount someone wants to create (agent draft, form): terms plus an optional total budget. */
export type DiscountProposal = { surface: string; discount_type: DiscountType; value: number; total_budget_cents?: number | null };

export type ProposalFacts = {
  policy: PolicyFacts | null;
  snapshots: KpiSnapshotFact[];
  /** The tenant budget in its current period; null when none is set. */
  tenantBudget: BudgetScopeFact | null;
  /** ISO 4217 code of the tenant: how reasons write money. */
  currency: string;
  now: Date;
};

/** The nearest terms that would pass, so the agent can offer "25% instead of 90%". */
export type ProposalSuggestion = { suggested_value?: number; suggested_total_budget_cents?: number };

export type ProposalEvaluation = { allowed: boolean; reasons: GovernanceReason[]; suggestion: ProposalSuggestion | null };

/**
 * Judges a proposed discount with the same rules codes are created and redeemed under (policy range,
 * KPI floors on fresh snapshots, tenant budget headroom) and names the nearest compliant alternative.
 */
export function evaluateProposal(p: DiscountProposal, f: ProposalFacts): ProposalEvaluation {
  const terms = { discount_type: p.discount_type, value: p.value };
  const suggestion: ProposalSuggestion = {};
  const policyReasons = checkPolicyRange(f.policy, p.surface, terms, f.currency);
  if (policyReasons.length) {
    const nearest = nearestCompliantValue(f.policy, terms);
    if (nearest !== null && nearest !== p.value) suggestion.suggested_value = nearest;
  }
  const budgetReasons: GovernanceReason[] = [];
  if (!f.tenantBudget) budgetReasons.push(...checkBudgetHeadroom([], 0, f.currency, false));
  else if (p.total_budget_cents != null && p.total_budget_cents > headroomOf(f.tenantBudget)) {
    const left = headroomOf(f.tenantBudget);
    const m = (minor: number) => formatMoney(minor, f.currency);
    budgetReasons.push(reason("budget_exhausted", `A total budget of ${m(p.total_budget_cents)} is more than the ${m(left)} left in the tenant budget`));
    suggestion.suggested_total_budget_cents = left;
  } else if (headroomOf(f.tenantBudget) === 0) {
    budgetReasons.push(...checkBudgetHeadroom([f.tenantBudget], 1, f.currency));
  }
  const reasons = [...policyReasons, ...checkKpiFloors(f.policy, p.surface, f.snapshots, f.now), ...budgetReasons];
  return { allowed: reasons.length === 0, reasons, suggestion: Object.keys(suggestion).length ? suggestion : null };
}
