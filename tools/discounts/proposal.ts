import { type DiscountProposal, evaluateProposal, type ProposalEvaluation } from "@/core/governance";
import type { Tx } from "@/db/database";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { budgetViewInTx } from "./budget-tools";
import { loadLatestSnapshots, loadPolicies } from "./facts";
import { CheckProposalInput, CheckProposalOutput } from "./policy-schemas";

// The agent's validation step: a proposed discount judged by the same rules codes live under.

/** Loads policy, fresh KPIs and budget headroom for the proposal's surface and evaluates it; read-only. */
export async function evaluateProposalInTx(tx: Tx, tenantId: string, proposal: DiscountProposal, now: Date): Promise<ProposalEvaluation> {
  const policy = (await loadPolicies(tx, tenantId, [proposal.surface])).get(proposal.surface) ?? null;
  const snapshots = await loadLatestSnapshots(tx, tenantId, policy?.kpi_floors.map((f) => f.kpi) ?? [], [proposal.surface]);
  const view = await budgetViewInTx(tx, tenantId, now);
  const tenantBudget = view && { scope: "tenant" as const, scope_id: "", cap_cents: view.cap_cents, spent_cents: view.spent_cents, period: view.period };
  return evaluateProposal(proposal, { policy, snapshots, tenantBudget, now });
}

export const checkDiscountProposal = defineTool({
  name: "check_discount_proposal",
  description: "Check a proposed discount (surface, type, value, optional total budget) against policy, KPI floors and budget headroom; returns reasons and the nearest compliant alternative.",
  input: CheckProposalInput,
  output: CheckProposalOutput,
  permission: "policy.read",
  async execute(input, ctx) {
    return tenantTx(ctx, (tx, tenantId) => evaluateProposalInTx(tx, tenantId, input, ctx.now()));
  },
});
