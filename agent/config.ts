import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { ToolRunner } from "@/tools/copilot";
import type { DraftModel } from "./model";
import { type RunConfig, RunConfigSchema } from "./state";

// What every node needs besides the state: injected dependencies (tool runner, model, clock) and the
// per-run config (caller, today, mode). Kept here so nodes stay small and tests inject freely.

/**
 * The graph's dependencies. No database handle: nodes read facts and write offers through tools
 * (`tools.run`), so the agent cannot reach a table the tools do not govern.
 */
export type AgentDeps = { tools: ToolRunner; model: DraftModel; now: () => Date };

/** The run's config, zod-parsed: a run without an authenticated caller stops here. */
export function runConfig(config: LangGraphRunnableConfig | undefined): RunConfig {
  const parsed = RunConfigSchema.safeParse(config?.configurable ?? {});
  if (!parsed.success) throw new Error("This run has no authenticated caller (configurable.caller); sign in first.");
  return parsed.data;
}

/** The day dates are judged against: the run's `today` when given, else the clock's UTC date. */
export function todayOf(rc: RunConfig, now: Date): string {
  return rc.today ?? now.toISOString().slice(0, 10);
}
