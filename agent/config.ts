import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { Database } from "@/db/database";
import type { Caller, ToolContext } from "@/tools/context";
import type { DraftModel } from "./model";
import { type RunConfig, RunConfigSchema } from "./state";

// What every node needs besides the state: injected dependencies (database, model, clock) and the
// per-run config (caller, today, mode). Kept here so nodes stay small and tests inject freely.

/** The graph's dependencies; tests pass a test database, a scripted model and a fixed clock. */
export type AgentDeps = { db: Database; model: DraftModel; now: () => Date };

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

/** The tool context for the agent's own tool calls: the caller's role, issued as "agent". */
export function agentToolContext(deps: AgentDeps, caller: Caller): ToolContext {
  const issuerType = caller.role === "connector" ? "connector" : "agent";
  return { db: deps.db, now: deps.now, caller: { ...caller, issuerType } };
}
