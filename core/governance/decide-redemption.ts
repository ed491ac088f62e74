import { checkBudgetHeadroom } from "./budget-headroom";
import { checkCodeState } from "./code-state";
import { computeDiscountCents } from "./discount-amount";
import { checkEligibility } from "./eligibility";
import { checkKpiFloors } from "./kpi-floors";
import { checkMinimumOrder } from "./minimum-order";
import { checkEffectiveShare, checkPolicyRange } from "./policy-range";
import { allowedBy } from "./reasons";
import { checkLocation, checkUsageLimits } from "./usage-limits";
import type {
  BudgetScopeFact, CodeFacts, ControlFacts, Decision, EligibilityFacts, KpiSnapshotFact, PolicyFacts, RedemptionRequest,
} from "./types";

/** Everything known about one redemption attempt, loaded (and for redeem, locked) by the caller. */
export type RedemptionFacts = {
  request: RedemptionRequest;
  code: CodeFacts;
  /** The policy of the code's surface (null: none set). */
  policy: PolicyFacts | null;
  /** Latest readings for the policy's KPIs, surface-specific and tenant-wide (surface ""). */
  snapshots: KpiSnapshotFact[];
  /** Net uses of this code by this customer; null when no customer is named. */
  customerUses: number | null;
  eligibility: EligibilityFacts;
  /** The offer's redemption controls (usage limits, locations); null when it has none. */
  controls?: ControlFacts | null;
  /** The tenant budget (when set) and the offer/campaign budgets that have a cap. */
  budgets: BudgetScopeFact[];
  tenantBudgetSet: boolean;
  /** ISO 4217 code of the tenant: what every `_cents` amount above means, and how reasons write money. */
  currency: string;
  now: Date;
};

/**
 * The one redemption decision, used by validate (all reasons, no side effects) and by redeem (under
 * row locks). Checks run in CONTRACT §2.3 order, so reasons[0] is the one a redeem rejects with.
 */
export function decideRedemption(f: RedemptionFacts): Decision {
  const { code, policy, request, currency } = f;
  const surface = code.surface;
  const discount_cents = computeDiscountCents(code, request.order_total_cents, policy?.max_amount_cents ?? null);
  const reasons = [
    ...checkCodeState(code, request.surface, f.now),
    ...checkPolicyRange(policy, surface, code, currency),
    ...checkEffectiveShare(policy, surface, code, discount_cents, request.order_total_cents, currency),
    ...checkKpiFloors(policy, surface, f.snapshots, f.now),
    ...checkMinimumOrder(code, request.order_total_cents, currency),
    ...checkEligibility(f.eligibility, request.customer_id, code.promo_code),
    ...checkLocation(f.controls ?? null, request.location_id, code.promo_code),
    ...checkUsageLimits(code, f.customerUses, f.controls ?? null),
    ...checkBudgetHeadroom(f.budgets, discount_cents, currency, f.tenantBudgetSet),
  ];
  return { allowed: allowedBy(reasons), discount_cents, reasons };
}
