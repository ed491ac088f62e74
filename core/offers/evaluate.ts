import type { BudgetPeriod, GovernanceReason, KpiSnapshotFact, PolicyFacts } from "@/core/governance";
import type { RejectionCode } from "@/core/errors";
import { offerCodeTerms } from "./code-terms";
import { audienceCheck, budgetCheck, codeCheck, copyCheck, datesCheck, kpiCheck, policyCheck } from "./evaluate-rules";

export { checkWindow } from "./evaluate-rules";

// The one evaluation of a draft or a saved offer (issue 16 "checks that tell the truth"): the checks
// panel, the form's live re-check, activation and approval all read it. Pure: facts in, checks out.

/** What is checked, in one neutral shape that drafts (currency units) and offers (cents) both map to. */
export type OfferUnderCheck = {
  /** A draft being written, or an offer already saved (saved offers need a real code, drafts get one generated). */
  kind: "draft" | "offer";
  offerType: string | null;
  /** Percent, or currency units for an amount (as a marketer writes it). */
  offerValue: number | null;
  unit: "%" | "$" | null;
  /** Where it redeems: the draft's surface, or the surfaces of the offer's codes. */
  surfaces: string[];
  minimumSpendCents: number | null;
  totalBudgetCents: number | null;
  /** YYYY-MM-DD. */
  startDate: string | null;
  endDate: string | null;
  programType: string | null;
  audience: string[];
  /** Title, description and terms together, to find an audience named only in the copy. */
  copy: string;
  perCustomerLimit: number | null;
  redemptionMethod: string | null;
  /** The draft's typed code (null: generated at save). Offers pass null and count their codes in liveCodes. */
  promoCode: string | null;
  /** Codes of a saved offer that are not deactivated by an admin. */
  liveCodes?: number;
  /** The promo codes a saved offer has, to flag copy that names another one. */
  codes?: string[];
};

/** The facts at one instant: policies, KPI readings, the tenant budget with spend per period start. */
export type CheckFacts = {
  policies: PolicyFacts[];
  snapshots: KpiSnapshotFact[];
  budget: { cap_cents: number; period: BudgetPeriod; spent: Record<string, number> } | null;
  currency: string;
  /** The tenant's day, YYYY-MM-DD. */
  today: string;
  now: Date;
};

/** A one-click fix, in the draft's field names and units (the offer page maps them to its fields). */
export type FixPatch = Partial<{
  usageLimitPerCustomer: number; minimumSpend: number; totalBudget: number; offerValue: number; startDate: string; endDate: string;
}>;

/** The checks panel's rows and their states, as values so the tools' output schemas name the same ones. */
export const CHECK_IDS = ["policy", "kpi", "budget", "code", "dates", "audience", "copy"] as const;
export const CHECK_STATES = ["pass", "fail", "warn", "question", "pending"] as const;
export type CheckState = (typeof CHECK_STATES)[number];
/** One row of the checks panel. */
export type OfferCheck = {
  id: (typeof CHECK_IDS)[number];
  label: string;
  state: CheckState;
  reasons: { code: string; message: string }[];
  /** What a passing (or pending) check saw, in words. */
  detail: string | null;
  fix: { label: string; patch: FixPatch } | null;
};

/** Every check, plus what refuses activation: the failing reasons that carry a §2.4 code. */
export type OfferEvaluation = { ok: boolean; checks: OfferCheck[]; blocking: GovernanceReason[] };

const GOVERNANCE = new Set<string>([
  "policy_violation", "kpi_floor", "kpi_stale", "budget_exhausted", "usage_limit", "per_customer_limit",
  "expired", "not_started", "inactive", "minimum_order", "surface_mismatch",
]);

/** Evaluates a draft or an offer: policy (percent and fixed), KPI floors, budget per period, code, dates, audience. */
export function evaluateOffer(o: OfferUnderCheck, f: CheckFacts): OfferEvaluation {
  const mapped = o.offerType ? offerCodeTerms({ offer_type: o.offerType, offer_value: o.offerValue, max_discount_unit: o.unit }, f.currency) : null;
  const terms = mapped?.ok ? mapped.terms : null;
  const checks = [
    policyCheck(o, terms, f), kpiCheck(o, terms, f), budgetCheck(o, f), codeCheck(o), datesCheck(o, f), audienceCheck(o), copyCheck(o),
  ];
  const failing = checks.filter((c) => c.state === "fail").flatMap((c) => c.reasons);
  const blocking = failing.map((r) => ({ code: (GOVERNANCE.has(r.code) ? r.code : "policy_violation") as RejectionCode, message: r.message }));
  const ok = !checks.some((c) => c.state === "fail" || c.state === "question");
  return { ok, checks, blocking };
}
