import type { PolicyFacts } from "@/core/governance";
import { budgetPeriodStart, headroomOf } from "@/core/governance";
import type { BudgetPeriod } from "@/core/governance";
import type { budgets, discountCodes, discountKpiSnapshots, discountPolicies, discountRedemptions } from "@/db/schema";
import type { BudgetOutput } from "./policy-schemas";
import type { CodeOutput, LedgerEntryOutput } from "./schemas";

// Database rows → contract shapes (and → governance facts). Dates become ISO strings here only.

export type CodeRow = typeof discountCodes.$inferSelect;
export type LedgerRow = typeof discountRedemptions.$inferSelect;
export type PolicyRow = typeof discountPolicies.$inferSelect;
export type KpiRow = typeof discountKpiSnapshots.$inferSelect;
export type BudgetRow = typeof budgets.$inferSelect;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A code as the API shows it. */
export function codeOut(r: CodeRow): CodeOutput {
  return {
    code_id: r.code_id, promo_code: r.promo_code, surface: r.surface, discount_type: r.discount_type, value: Number(r.value),
    offer_id: r.offer_id, usage_limit: r.usage_limit, per_customer_limit: r.per_customer_limit, redemption_count: r.redemption_count,
    minimum_order_cents: r.minimum_order_cents, issuer_type: r.issuer_type, provider: r.provider, api_key_id: r.api_key_id,
    starts_at: iso(r.starts_at), expires_at: iso(r.expires_at), status: r.status, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
  };
}

/** A ledger row as the API shows it. */
export function ledgerOut(r: LedgerRow): LedgerEntryOutput {
  return {
    redemption_id: r.redemption_id, kind: r.kind, code_id: r.code_id, promo_code: r.promo_code, surface: r.surface,
    offer_id: r.offer_id, campaign_id: r.campaign_id, customer_id: r.customer_id, order_id: r.order_id,
    order_total_cents: Number(r.order_total_cents), discount_cents: Number(r.discount_cents), budget_period_start: String(r.budget_period_start),
    voids_redemption_id: r.voids_redemption_id, issuer_type: r.issuer_type, provider: r.provider, created_at: iso(r.created_at)!,
  };
}

/** A policy row as governance facts. */
export function policyFacts(r: PolicyRow): PolicyFacts {
  return {
    surface: r.surface, min_percent: Number(r.min_percent), max_percent: Number(r.max_percent),
    max_amount_cents: r.max_amount_cents === null ? null : Number(r.max_amount_cents), kpi_floors: r.kpi_floors ?? [],
    max_snapshot_age_seconds: r.max_snapshot_age_seconds, enabled: r.enabled,
  };
}

/** A policy as the API shows it. */
export function policyOut(r: PolicyRow) {
  return { ...policyFacts(r), updated_at: iso(r.updated_at)! };
}

/** A KPI snapshot as the API shows it ("" surface is tenant-wide → null). */
export function kpiOut(r: KpiRow) {
  return {
    snapshot_id: r.snapshot_id, kpi: r.kpi, value: Number(r.value), surface: r.surface === "" ? null : r.surface,
    observed_at: iso(r.observed_at)!, created_at: iso(r.created_at)!,
  };
}

/** The budget view of CONTRACT §2.1 from the cap and this period's spend. */
export function budgetOut(cap_cents: number, period: BudgetPeriod, spent_cents: number, now: Date): BudgetOutput {
  return { cap_cents, spent_cents, headroom_cents: headroomOf({ cap_cents, spent_cents }), period, period_start: budgetPeriodStart(period, now) };
}
