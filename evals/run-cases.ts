import { emptyDraft } from "../agent/draft";
import type { EvalCase } from "./dataset";
import { PlanResultSchema, type PlanCase } from "./planner-port";
import { scoreCase } from "./score";
import type { CaseResult } from "./summary";

// Runs a planner over the cases one at a time (sequential, so latency is per case and an LLM
// provider is not flooded) and scores each draft. A planner that throws or returns a malformed
// result does not stop the run: the case is scored as an empty draft with no verdict.

/** Plans and scores every case; `onCase` lets the CLI show progress without owning the loop. */
export async function runCases(
  cases: EvalCase[],
  planCase: PlanCase,
  onCase?: (result: CaseResult, index: number) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [index, c] of cases.entries()) {
    const result = await runOne(c, planCase);
    results.push(result);
    onCase?.(result, index);
  }
  return results;
}

async function runOne(c: EvalCase, planCase: PlanCase): Promise<CaseResult> {
  const expectRejection = c.expect_rejection === true;
  const started = performance.now();
  try {
    const raw = await planCase({ brief: c.brief, today: c.today });
    const latencyMs = performance.now() - started;
    const parsed = PlanResultSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return failed(c, expectRejection, latencyMs, `planner returned a malformed result: ${detail}`);
    }
    const { draft, validation, llmCalls } = parsed.data;
    return {
      id: c.id,
      expectRejection,
      score: scoreCase(c.expected, draft),
      verdictOk: validation.ok,
      reasonCodes: validation.reasons.map((r) => r.code),
      latencyMs,
      llmCalls,
    };
  } catch (e) {
    return failed(c, expectRejection, performance.now() - started, e instanceof Error ? e.message : String(e));
  }
}

function failed(c: EvalCase, expectRejection: boolean, latencyMs: number, error: string): CaseResult {
  return {
    id: c.id,
    expectRejection,
    score: scoreCase(c.expected, emptyDraft()),
    verdictOk: null,
    reasonCodes: [],
    latencyMs,
    llmCalls: 0,
    error,
  };
}
