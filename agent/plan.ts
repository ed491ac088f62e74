import type { ForecastResult } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import type { AgentDeps } from "./config";
import type { OfferDraft } from "./draft";
import { buildOfferGraph, turnInput } from "./graph";
import type { Validation } from "./state";

// Headless planning: one brief through goal_setting → offer_creation → validation on the real graph,
// stopping before review. Writes nothing; `npm run draft`, the evals and the bench all use it.

export type PlanOutcome = { draft: OfferDraft; validation: Validation; llmCalls: number; forecast: ForecastResult | null };

/** A planner bound to its dependencies; the graph is compiled once and reused for every brief. */
export function createPlanner(deps: AgentDeps) {
  const graph = buildOfferGraph(deps);
  return async function plan(input: { brief: string; today?: string; caller: Caller }): Promise<PlanOutcome> {
    const state = await graph.invoke(
      turnInput(input.brief),
      { configurable: { caller: input.caller, today: input.today, mode: "plan" } },
    );
    if (state.error) throw new Error(state.error);
    return { draft: state.draft!, validation: state.verdict!, llmCalls: state.llmCalls, forecast: state.forecast ?? null };
  };
}

/** The caller a headless run acts as on the demo tenant: a marketer, issuing as the agent. */
export function demoCaller(tenantId: string): Caller {
  return { tenantId, role: "marketer", apiKeyId: null, provider: null, issuerType: "agent" };
}

/** Reasons in the evals' and CLI's {code, message} shape: every rejection, none for missing fields. */
export function reasonsOf(v: Validation): { code: string; message: string }[] {
  return v.issues.map((i) => ({ code: i.code, message: i.message }));
}
