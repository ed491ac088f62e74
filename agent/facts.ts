import { and, eq, sql } from "drizzle-orm";
import { budgetPeriodStart, type BudgetScopeFact, type KpiSnapshotFact, type PolicyFacts } from "@/core/governance";
import type { Database } from "@/db/database";
import * as s from "@/db/schema";
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

/** One read transaction under the tenant's RLS; `promoCode` narrows the uniqueness lookup. */
export async function loadTenantFacts(db: Database, tenantId: string, now: Date, promoCode: string | null): Promise<TenantFacts> {
  return db.withTenant(tenantId, async (tx) => {
    const [tenant] = await tx.select().from(s.tenants).where(eq(s.tenants.tenant_id, tenantId)).limit(1);
    const policies = await tx.select().from(s.discountPolicies).where(eq(s.discountPolicies.tenant_id, tenantId));
    // Latest reading per (kpi, surface): the only ones a floor is ever judged on.
    const snapshots = await tx
      .selectDistinctOn([s.discountKpiSnapshots.kpi, s.discountKpiSnapshots.surface])
      .from(s.discountKpiSnapshots)
      .where(eq(s.discountKpiSnapshots.tenant_id, tenantId))
      .orderBy(s.discountKpiSnapshots.kpi, s.discountKpiSnapshots.surface, sql`${s.discountKpiSnapshots.observed_at} desc`);
    const [budget] = await tx.select().from(s.budgets).where(eq(s.budgets.tenant_id, tenantId)).limit(1);
    let tenantBudget: BudgetScopeFact | null = null;
    if (budget) {
      const periodStart = budgetPeriodStart(budget.period, now);
      const [spend] = await tx
        .select({ spent: s.budgetSpend.spent_cents })
        .from(s.budgetSpend)
        .where(and(eq(s.budgetSpend.tenant_id, tenantId), eq(s.budgetSpend.scope, "tenant"), eq(s.budgetSpend.scope_id, ""), eq(s.budgetSpend.period_start, periodStart)));
      tenantBudget = { scope: "tenant", scope_id: "", cap_cents: budget.cap_cents, spent_cents: Number(spend?.spent ?? 0), period: budget.period };
    }
    const existingCodes = promoCode
      ? (await tx
          .select({ code: s.discountCodes.promo_code })
          .from(s.discountCodes)
          .where(and(eq(s.discountCodes.tenant_id, tenantId), sql`upper(${s.discountCodes.promo_code}) = ${promoCode.toUpperCase()}`))
        ).map((r) => r.code.toUpperCase())
      : [];
    return {
      tenantId,
      currency: tenant?.currency ?? "USD",
      settings: tenant?.settings ?? {},
      policies: policies.map((p) => ({
        surface: p.surface, min_percent: Number(p.min_percent), max_percent: Number(p.max_percent),
        max_amount_cents: p.max_amount_cents, kpi_floors: p.kpi_floors, max_snapshot_age_seconds: p.max_snapshot_age_seconds, enabled: p.enabled,
      })),
      snapshots: snapshots.map((k) => ({ kpi: k.kpi, surface: k.surface, value: Number(k.value), observed_at: new Date(k.observed_at) })),
      tenantBudget,
      existingCodes,
      now,
    };
  });
}

/** The policy of one surface, or null (governance fails closed on a missing policy). */
export function policyFor(facts: TenantFacts, surface: string): PolicyFacts | null {
  return facts.policies.find((p) => p.surface === surface) ?? null;
}
