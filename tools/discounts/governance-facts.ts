import { eq } from "drizzle-orm";
import type { BudgetScopeFact, KpiSnapshotFact, PolicyFacts, ProposalFacts } from "@/core/governance";
import type { Tx } from "@/db/database";
import { discountPolicies } from "@/db/schema";
import { budgetViewInTx } from "./budget-tools";
import { loadLatestSnapshots, loadPolicies } from "./facts";

// The facts a proposed discount is judged on — policies, the latest KPI readings their floors name, and
// the tenant budget in its current window — from the one set of loaders in facts.ts. The proposal
// check (check_discount_proposal) and the copilot's validation (get_copilot_facts) both read here.

/** Governance facts of a tenant at one instant, for one or every surface. */
export type GovernanceFacts = { policies: PolicyFacts[]; snapshots: KpiSnapshotFact[]; tenantBudget: BudgetScopeFact | null; now: Date };

/** Loads the facts for `surfaces`, or for every surface with a policy when null (why: a draft may name none yet). */
export async function loadGovernanceFacts(tx: Tx, tenantId: string, now: Date, surfaces: string[] | null): Promise<GovernanceFacts> {
  const names = surfaces ?? (await tx.select({ surface: discountPolicies.surface }).from(discountPolicies)
    .where(eq(discountPolicies.tenant_id, tenantId))).map((r) => r.surface);
  const policies = [...(await loadPolicies(tx, tenantId, names)).values()].sort((a, b) => a.surface.localeCompare(b.surface));
  const kpis = policies.flatMap((p) => p.kpi_floors.map((f) => f.kpi));
  const snapshots = await loadLatestSnapshots(tx, tenantId, kpis, names);
  const view = await budgetViewInTx(tx, tenantId, now);
  const tenantBudget: BudgetScopeFact | null = view && {
    scope: "tenant", scope_id: "", cap_cents: view.cap_cents, spent_cents: view.spent_cents, period: view.period,
  };
  return { policies, snapshots, tenantBudget, now };
}

/** What evaluateProposal needs for one surface: its policy (null fails closed) and the shared facts. */
export function proposalFacts(facts: GovernanceFacts, surface: string): ProposalFacts {
  const policy = facts.policies.find((p) => p.surface === surface) ?? null;
  return { policy, snapshots: facts.snapshots, tenantBudget: facts.tenantBudget, now: facts.now };
}
