import { sql } from "drizzle-orm";
import type { BudgetPeriod, BudgetScopeFact, KpiSnapshotFact, PolicyFacts, ProposalFacts } from "@/core/governance";
import type { Tx } from "@/db/database";
import { requireCurrency } from "./facts";
import { type PolicyRow, policyFacts } from "./mappers";
import { tenantSpendKey } from "./spend-window";

// The facts a proposed discount is judged on — policies, the latest KPI readings their floors name, and
// the tenant budget with its spend in the current window — plus the tenant's currency and brand
// settings. The proposal check (check_discount_proposal) and the copilot (get_copilot_facts) read here.
// One statement (why: the copilot reads it twice per turn and its plan targets p50 < 20 ms); it mirrors
// loadPolicies, loadLatestSnapshots and budgetViewInTx in facts.ts / budget-tools.ts, and
// tests/redeem-prefix-differential.int.test.ts proves it equals them on seeded data.

/** Governance facts of a tenant at one instant, for one or every surface. */
export type GovernanceFacts = {
  policies: PolicyFacts[];
  snapshots: KpiSnapshotFact[];
  tenantBudget: BudgetScopeFact | null;
  /** ISO 4217 code: what a `_cents` amount of this tenant means. */
  currency: string;
  settings: { banned_words?: string[]; required_terms?: string[] };
  /** The tenant's codes equal (case-insensitively) to the asked promo code, upper-cased: taken when non-empty. */
  takenCodes: string[];
  now: Date;
};

type Raw = {
  tenant: { currency: string; settings: GovernanceFacts["settings"] | null } | null;
  policies: PolicyRow[] | null;
  snapshots: { kpi: string; surface: string; value: number | string; observed_at: string }[] | null;
  budget: { cap_cents: number | string; period: BudgetPeriod; spent_cents: number | string } | null;
  codes: string[] | null;
};

const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/**
 * Loads the facts for `surfaces`, or for every surface with a policy when null (why: a draft may name none
 * yet); with `promoCode`, also whether the tenant already has that code.
 */
export async function loadGovernanceFacts(
  tx: Tx, tenantId: string, now: Date, surfaces: string[] | null, opts: { promoCode?: string | null } = {},
): Promise<GovernanceFacts> {
  const code = opts.promoCode?.trim().toUpperCase() ?? "";
  // The spend row of each period's current window, keyed exactly as redeem writes it (spend-window.ts).
  const key = { month: tenantSpendKey("month", now), quarter: tenantSpendKey("quarter", now), total: tenantSpendKey("total", now) };
  const res = await tx.execute(sql`with p as (
      select * from discount_policies where tenant_id = ${tenantId}
        and (${surfaces === null} or surface = any(array(select jsonb_array_elements_text(${JSON.stringify(surfaces ?? [])}::jsonb))))),
    b as (select cap_cents, period from budgets where tenant_id = ${tenantId})
    select
      (select json_build_object('currency', currency, 'settings', settings) from tenants where tenant_id = ${tenantId}) as tenant,
      (select json_agg(p order by p.surface) from p) as policies,
      (select json_agg(s) from (select distinct on (kpi, surface) kpi, surface, value, observed_at from discount_kpi_snapshots
         where tenant_id = ${tenantId} and kpi in (select f->>'kpi' from p, jsonb_array_elements(p.kpi_floors) f)
           and surface in (select surface from p union select '')
         order by kpi, surface, observed_at desc, created_at desc) s) as snapshots,
      (select json_build_object('cap_cents', b.cap_cents, 'period', b.period, 'spent_cents', coalesce((select spent_cents from budget_spend
         where tenant_id = ${tenantId} and scope = 'tenant' and scope_id = b.period
           and period_start = (case b.period when 'month' then ${key.month.period_start} when 'quarter' then ${key.quarter.period_start}
             else ${key.total.period_start} end)::date), 0)) from b) as budget,
      (select json_agg(upper(promo_code)) from discount_codes where tenant_id = ${tenantId} and ${code} <> '' and upper(promo_code) = ${code}) as codes`);
  const row = (res as unknown as { rows: Record<keyof Raw, unknown>[] }).rows[0];
  const raw = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, parse(v)])) as Raw;
  const b = raw.budget;
  // The tenant row is always visible in its own transaction (requireCurrency: never guessed).
  return {
    policies: (raw.policies ?? []).map(policyFacts),
    snapshots: (raw.snapshots ?? []).map((s) => ({ kpi: s.kpi, surface: s.surface, value: Number(s.value), observed_at: new Date(s.observed_at) })),
    tenantBudget: b && { scope: "tenant", scope_id: "", cap_cents: Number(b.cap_cents), spent_cents: Number(b.spent_cents), period: b.period },
    currency: requireCurrency(raw.tenant?.currency),
    settings: raw.tenant?.settings ?? {},
    takenCodes: raw.codes ?? [],
    now,
  };
}

/** What evaluateProposal needs for one surface: its policy (null fails closed) and the shared facts. */
export function proposalFacts(
  facts: Pick<GovernanceFacts, "policies" | "snapshots" | "tenantBudget" | "currency" | "now">, surface: string,
): ProposalFacts {
  const policy = facts.policies.find((p) => p.surface === surface) ?? null;
  return { policy, snapshots: facts.snapshots, tenantBudget: facts.tenantBudget, currency: facts.currency, now: facts.now };
}
