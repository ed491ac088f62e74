import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PlanCase } from "./planner-port";

// The eval runner's planner: each case goes through the agent graph's real planning path
// (goal_setting → offer_creation → validation) against a freshly seeded demo tenant. One in-memory
// database is opened once for the whole run, so cases never see each other's or the app's data.
process.env.LANGSMITH_TRACING ??= "false";

type Planner = Awaited<ReturnType<typeof open>>;
let planner: Promise<Planner> | null = null;

/** Opens and seeds the run's database and compiles the graph; called once, on the first case. */
async function open() {
  const { openPglite } = await import("../db/drivers");
  const { migrate } = await import("../db/migrate");
  const { ensureDemoSeed } = await import("../db/seed");
  const { createDraftModel } = await import("../agent/model");
  const { createPlanner, demoCaller, reasonsOf } = await import("../agent/plan");
  const { toolRunner } = await import("../tools/copilot");
  const db = await openPglite();
  await migrate(db);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oc-evals-"));
  const demo = await ensureDemoSeed(db, { dataDir });
  rmSync(dataDir, { recursive: true, force: true });
  const now = () => new Date();
  const plan = createPlanner({ tools: toolRunner(db, now), model: createDraftModel(), now });
  return { plan, caller: demoCaller(demo.tenant_id), reasonsOf };
}

/** One case: today comes from the case, the verdict is the validation's rejections (not its questions). */
export const planCase: PlanCase = async ({ brief, today }) => {
  planner ??= open();
  const { plan, caller, reasonsOf } = await planner;
  const out = await plan({ brief, today, caller });
  return { draft: out.draft, validation: { ok: out.validation.allowed, reasons: reasonsOf(out.validation) }, llmCalls: out.llmCalls };
};
