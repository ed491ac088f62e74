import type { RejectionCode } from "@/core/errors";
import type { OfferGate } from "@/core/offers/lifecycle";

// The facts governance decides on. Plain data, loaded by the edges (tools/discounts) and passed in,
// so every rule is a pure function that tests can drive without a database.

/**
 * What a code takes off: a percent of the order, fixed cents, or free shipping — a governed code that
 * carries no cash discount (the connector waives shipping; discount_cents is 0 and value is 0).
 */
export const DISCOUNT_TYPES = ["percentage", "fixed", "free_shipping"] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];
export type BudgetPeriod = "month" | "quarter" | "total";
export type BudgetScope = "tenant" | "offer" | "campaign";

/** A reason a person can act on; `code` is always one of CONTRACT §2.4 (plus not_eligible). */
export type GovernanceReason = { code: RejectionCode; message: string };

/** What every check returns: allowed iff no reasons. */
export type Decision = { allowed: boolean; discount_cents: number; reasons: GovernanceReason[] };

export type KpiFloor = { kpi: string; floor: number };

/** A surface's strategy (discount_policies row). */
export type PolicyFacts = {
  surface: string;
  min_percent: number;
  max_percent: number;
  max_amount_cents: number | null;
  kpi_floors: KpiFloor[];
  max_snapshot_age_seconds: number;
  enabled: boolean;
};

/** The terms a code carries: what create/update check and what redemption computes from. */
export type CodeTerms = { discount_type: DiscountType; value: number };

/** A code as governance needs it (discount_codes row). */
export type CodeFacts = CodeTerms & {
  promo_code: string;
  surface: string;
  status: "active" | "inactive";
  starts_at: Date | null;
  expires_at: Date | null;
  usage_limit: number | null;
  per_customer_limit: number | null;
  minimum_order_cents: number | null;
  /** Net uses so far (redemptions minus voids). */
  redemption_count: number;
  /** The code's offer as redemption sees it (core/offers/lifecycle offerGate); absent/null: no offer. */
  offer_status?: OfferGate | null;
};

/** One KPI reading; surface "" is tenant-wide. */
export type KpiSnapshotFact = { kpi: string; surface: string; value: number; observed_at: Date };

/** One budget a redemption must fit in: the tenant's, an offer's or a campaign's. */
export type BudgetScopeFact = { scope: BudgetScope; scope_id: string; cap_cents: number; spent_cents: number; period: BudgetPeriod };

/** Closed-loop audiences: restricted when the code's offer has customer lists. */
export type EligibilityFacts = { restricted: boolean; listed: boolean };

/** The order being checked at validate or redeem time; location_id is where it is redeemed, when known. */
export type RedemptionRequest = { surface: string; order_total_cents: number; customer_id: string | null; location_id?: string | null };

/**
 * The redemption controls of the code's offer (every control row of the offer applies), with the
 * offer's live net uses: limits count across all of the offer's codes.
 */
export type ControlFacts = {
  usage_limit: number | null;
  per_customer_limit: number | null;
  /** One list per control that restricts locations; the location must be on every one of them. */
  location_lists: string[][];
  /** Net uses of the offer (all its codes). */
  offerUses: number;
  /** Net uses of the offer by this customer; null when no customer is named. */
  offerCustomerUses: number | null;
};
