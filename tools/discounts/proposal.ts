import { type DiscountProposal, evaluateProposal, type ProposalEvaluation } from "@/core/governance";
import type { Tx } from "@/db/database";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { loadGovernanceFacts, proposalFacts } from "./governance-facts";
import { CheckProposalInput, CheckProposalOutput } from "./policy-schemas";

// A proposed discount judged by the same rules codes live under, on the same facts the copilot's
// validation reads (governance-facts.ts).

/** Loads policy, fresh KPIs and budget headroom for the proposal's surface and evaluates it; read-only. */
export async function evaluateProposalInTx(tx: Tx, tenantId: string, proposal: DiscountProposal, now: Date): Promise<ProposalEvaluation> {
  const facts = await loadGovernanceFacts(tx, tenantId, now, [proposal.surface]);
  return evaluateProposal(proposal, proposalFacts(facts, proposal.surface));
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
