import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { DatasetError, loadDataset } from "./dataset";
import { AGENT_PLANNER_MODULE, type PlanCase } from "./planner-port";
import { formatJson, formatReport } from "./report";
import { runCases } from "./run-cases";
import { gateFailures, summarise } from "./summary";

// CLI: npm run evals -- [--dataset FILE.jsonl] [--json]
// Runs the agent's planning path on every case, prints the report and exits 1 when a case that
// must be rejected got through governance or field accuracy fell below evals/baseline.json.
// Exit 2 means the run could not start (bad arguments, bad dataset line, no planner yet).

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATASETS = path.join(HERE, "datasets");

const BaselineSchema = z.record(z.string(), z.object({ field_accuracy: z.number().min(0).max(1) }));

class UsageError extends Error {}

/** Parses the CLI flags; unknown flags are an error so a typo does not silently run main. */
function parseArgs(argv: string[]): { dataset: string; json: boolean } {
  let dataset = path.join(DATASETS, "main.jsonl");
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--dataset" && argv[i + 1] !== undefined) dataset = resolveDataset(argv[++i]);
    else if (a.startsWith("--dataset=")) dataset = resolveDataset(a.slice("--dataset=".length));
    else throw new UsageError(`unknown or incomplete argument "${a}"; usage: npm run evals -- [--dataset FILE.jsonl] [--json]`);
  }
  return { dataset, json };
}

/** Accepts a path from the cwd or a bare name in evals/datasets ("heldout" or "heldout.jsonl"). */
function resolveDataset(arg: string): string {
  const candidates = [arg, path.join(DATASETS, arg), path.join(DATASETS, `${arg}.jsonl`)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new UsageError(`dataset not found: ${arg} (looked in the current folder and ${DATASETS})`);
  return path.resolve(found);
}

/** The baseline for a dataset (keyed by file name without .jsonl); absent file or entry → none. */
function readBaseline(datasetFile: string): number | undefined {
  const file = path.join(HERE, "baseline.json");
  if (!existsSync(file)) return undefined;
  const baseline = BaselineSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return baseline[path.basename(datasetFile, ".jsonl")]?.field_accuracy;
}

/** Loads the real planner lazily, so the runner works (and fails clearly) before it exists. */
async function loadAgentPlanner(): Promise<PlanCase> {
  const file = path.join(HERE, AGENT_PLANNER_MODULE);
  if (!existsSync(file)) {
    throw new UsageError(
      `no planner: ${path.relative(process.cwd(), file)} does not exist yet. It must export ` +
        "`planCase: PlanCase` (see evals/planner-port.ts): goal → draft → validation through the agent graph, against the demo tenant.",
    );
  }
  const mod: { planCase?: unknown } = await import(pathToFileURL(file).href);
  if (typeof mod.planCase !== "function") {
    throw new UsageError(`${AGENT_PLANNER_MODULE} does not export a function named planCase (see evals/planner-port.ts)`);
  }
  return mod.planCase as PlanCase;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cases = loadDataset(args.dataset);
  const planCase = await loadAgentPlanner();
  const name = path.relative(process.cwd(), args.dataset);
  // Progress only on a terminal: CI logs get the table, not 140 carriage-return lines.
  const progress = !args.json && process.stderr.isTTY;
  const results = await runCases(cases, planCase, (r, i) => {
    if (progress) process.stderr.write(`\r${i + 1}/${cases.length} ${r.id}`.padEnd(60));
  });
  if (progress) process.stderr.write("\n");
  const summary = summarise(results);
  const failures = gateFailures(summary, readBaseline(args.dataset));
  console.log(args.json ? formatJson(name, summary, results, failures) : formatReport(name, summary, results, failures));
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof DatasetError;
    console.error(`evals: ${known ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(2);
  },
);
