import { z } from "zod";
import { OfferDraftSchema } from "../agent/draft";

// The seam between the eval runner and whatever turns a brief into a draft. The runner only knows
// this shape; the real implementation (goal → draft → validation through the agent graph, against
// the demo tenant) lives in evals/plan-with-agent.ts and is loaded at run time.

/** What the runner hands the planner for one case. */
export const PlanInputSchema = z.object({
  brief: z.string(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
});

/** What the planner must hand back: the draft, the governance verdict on it and its LLM cost. */
export const PlanResultSchema = z.object({
  draft: OfferDraftSchema,
  validation: z.object({
    ok: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
  llmCalls: z.number().int().nonnegative(),
});

export type PlanInput = z.infer<typeof PlanInputSchema>;
export type PlanResult = z.infer<typeof PlanResultSchema>;

/** One planning run per eval case; pluggable so the runner can be tested without the agent. */
export type PlanCase = (input: PlanInput) => Promise<PlanResult>;

/** Where the runner looks for the real planner, relative to this folder. */
export const AGENT_PLANNER_MODULE = "plan-with-agent.ts";
