import { sql } from "drizzle-orm";
import { budgetPeriodStart, type BudgetScopeFact, type KpiSnapshotFact, type PolicyFacts } from "@/core/governance";
import type { Database } from "@/db/database";
import type { TenantSettings } from "@/db/schema";

// Loads, in one tenant-scoped read, the facts the governance core decides on for a draft. Reading
// rows is all this file does: every rule applied to them lives in core/governance.

/** Everything the copilot's advice and validation need about one tenant, at one instant. */
export type TenantFacts = {
  tenantId: string;
  currency: string;
  settings: TenantSettings;
  policies: PolicyFacts[];
  snapshots: KpiSnapshotFact[];
  tenantBudget: BudgetScopeFact | null;
  /** Promo codes of the tenant matching the draft's code (upper-cased), for the uniqueness check. */
  existingCodes: string[];
  now: Date;
};

type FactsRow = {
  currency: string | null;
  settings: TenantSettings | null;
  policies: Array<Omit<PolicyFacts, "min_percent" | "max_percent"> & { min_percent: string | number; max_percent: string | number }> | null;
  snapshots: Array<{ kpi: string; surface: string; value: string | number; observed_at: string }> | null;
  budget: { cap_cents: string | number; spent_cents: string | number; period: BudgetScopeFact["period"] } | null;
  codes: string[] | null;
};

/**
 * One statement in one tenant transaction (RLS applies): the tenant's currency and brand settings,
 * its policies, the latest reading per (kpi, surface), its budget and — when `promoCode` is given —
 * codes with that name. One round trip keeps the offline plan fast on PGlite.
 */
export async function loadTenantFacts(db: Database, tenantId: string, now: Date, promoCode: string | null): Promise<TenantFacts> {
  return db.withTenant(tenantId, async (tx) => {
    // Period keys come from the core's budgetPeriodStart; SQL only picks the one for the budget's period.
    const starts = { month: budgetPeriodStart("month", now), quarter: budgetPeriodStart("quarter", now), total: budgetPeriodStart("total", now) };
    const result = await tx.execute(sql`
      select
        (select currency from tenants where tenant_id = ${tenantId}) as currency,
        (select settings from tenants where tenant_id = ${tenantId}) as settings,
        (select json_agg(json_build_object('surface', surface, 'min_percent', min_percent, 'max_percent', max_percent,
            'max_amount_cents', max_amount_cents, 'kpi_floors', kpi_floors, 'max_snapshot_age_seconds', max_snapshot_age_seconds,
            'enabled', enabled)) from discount_policies where tenant_id = ${tenantId}) as policies,
        (select json_agg(json_build_object('kpi', kpi, 'surface', surface, 'value', value, 'observed_at', observed_at)) from (
            select distinct on (kpi, surface) kpi, surface, value, observed_at from discount_kpi_snapshots
            where tenant_id = ${tenantId} order by kpi, surface, observed_at desc) k) as snapshots,
        (select json_build_object('cap_cents', b.cap_cents, 'period', b.period, 'spent_cents', coalesce((
            select spent_cents from budget_spend where tenant_id = ${tenantId} and scope = 'tenant' and scope_id = ''
              and period_start = (case b.period when 'month' then ${starts.month} when 'quarter' then ${starts.quarter} else ${starts.total} end)::date), 0))
          from budgets b where b.tenant_id = ${tenantId}) as budget,
        (select json_agg(upper(promo_code)) from discount_codes where tenant_id = ${tenantId}
            and ${promoCode ?? null}::text is not null and upper(promo_code) = upper(${promoCode ?? ""})) as codes`);
    const row = (result as unknown as { rows: FactsRow[] }).rows[0];
    const b = row.budget;
    const tenantBudget: BudgetScopeFact | null = b
      ? { scope: "tenant", scope_id: "", cap_cents: Number(b.cap_cents), spent_cents: Number(b.spent_cents), period: b.period }
      : null;
    return {
      tenantId,
      currency: row.currency ?? "USD",
      settings: row.settings ?? {},
      policies: (row.policies ?? []).map((p) => ({ ...p, min_percent: Number(p.min_percent), max_percent: Number(p.max_percent), max_amount_cents: p.max_amount_cents === null ? null : Number(p.max_amount_cents) })),
      snapshots: (row.snapshots ?? []).map((k) => ({ kpi: k.kpi, surface: k.surface, value: Number(k.value), observed_at: new Date(k.observed_at) })),
      tenantBudget,
      existingCodes: row.codes ?? [],
      now,
    };
  });
}

/** The policy of one surface, or null (governance fails closed on a missing policy). */
export function policyFor(facts: TenantFacts, surface: string): PolicyFacts | null {
  return facts.policies.find((p) => p.surface === surface) ?? null;
}
