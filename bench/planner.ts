import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// npm run bench -- planner [--rounds N]
// Offline brief → validated draft through the agent graph's planning path (goal_setting →
// offer_creation → validation, facts from an in-memory seeded demo tenant), over every brief of
// evals/datasets/main.jsonl. Prints p50/p95 per brief; the target is p50 under 20 ms. Beside it, in the
// same rounds, the bare parser (planOffline alone) as the baseline, so the ratio shows what the graph,
// the facts read and the governance checks cost on top of parsing.
process.env.LANGSMITH_TRACING ??= "false";

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs the benchmark; a warm-up round is not measured (module and JIT start-up are not per-brief costs). */
export default async function run(args: string[]): Promise<void> {
  const i = args.indexOf("--rounds");
  const rounds = i >= 0 ? Number(args[i + 1]) : 3;
  const { openPglite } = await import("../db/drivers");
  const { migrate } = await import("../db/migrate");
  const { ensureDemoSeed } = await import("../db/seed");
  const { offlineModel } = await import("../agent/model");
  const { createPlanner, demoCaller } = await import("../agent/plan");
  const { toolRunner } = await import("../tools/copilot");
  const { planOffline } = await import("../agent/planner");

  const db = await openPglite();
  await migrate(db);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oc-bench-"));
  const demo = await ensureDemoSeed(db, { dataDir });
  rmSync(dataDir, { recursive: true, force: true });
  const now = () => new Date();
  const plan = createPlanner({ tools: toolRunner(db, now), model: offlineModel(), now });
  const caller = demoCaller(demo.tenant_id);
  const file = path.join(process.cwd(), "evals/datasets/main.jsonl");
  const cases = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { brief: string; today: string });

  for (const c of cases) await plan({ brief: c.brief, today: c.today, caller });
  const samples: number[] = [];
  const parseOnly: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      let t = performance.now();
      planOffline(c.brief, { today: c.today });
      parseOnly.push(performance.now() - t);
      t = performance.now();
      await plan({ brief: c.brief, today: c.today, caller });
      samples.push(performance.now() - t);
    }
  }
  await db.close();
  samples.sort((a, b) => a - b);
  parseOnly.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const base50 = percentile(parseOnly, 50);
  console.log(`planner: ${samples.length} plans (${cases.length} briefs × ${rounds} rounds), offline model, PGlite`);
  console.log(`  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${samples[samples.length - 1].toFixed(1)} ms   (target p50 < 20 ms: ${p50 < 20 ? "met" : "missed"})`);
  console.log(`  baseline, parser alone: p50 ${base50.toFixed(2)} ms   p95 ${percentile(parseOnly, 95).toFixed(2)} ms   → full path / parser at p50: ${(p50 / base50).toFixed(1)}×`);
}
