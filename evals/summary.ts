import { EVAL_FIELDS } from "../agent/draft";
import type { EvalField } from "./dataset";
import type { CaseScore } from "./score";

// Aggregates per-case results into the numbers the runner prints and gates on. Pure, so the gate
// (governance violations, baseline) can be unit-tested without a planner.

/** One case after planning and scoring; `verdictOk` is null when the planner threw. */
export type CaseResult = {
  id: string;
  expectRejection: boolean;
  score: CaseScore;
  verdictOk: boolean | null;
  reasonCodes: string[];
  latencyMs: number;
  llmCalls: number;
  error?: string;
};

export type FieldStats = { scored: number; correct: number; incorrect: number; hallucination: number; accuracy: number | null };

export type Summary = {
  cases: number;
  errors: number;
  fields: Record<EvalField, FieldStats>;
  fieldAccuracy: number;
  hallucinations: number;
  exactRate: number;
  rejection: { expected: number; caught: number; falseRejections: number; accuracy: number };
  governanceViolations: string[];
  latencyMs: { p50: number; p95: number };
  llmCallsPerCase: number;
};

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Nearest-rank percentile: an observed latency, never an interpolated one. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Turns case results into the report; field accuracy is pooled over every scored field. */
export function summarise(results: CaseResult[]): Summary {
  const fields = Object.fromEntries(
    EVAL_FIELDS.map((f) => [f, { scored: 0, correct: 0, incorrect: 0, hallucination: 0, accuracy: null }]),
  ) as Record<EvalField, FieldStats>;
  for (const r of results) {
    for (const [field, outcome] of Object.entries(r.score.fields) as [EvalField, keyof FieldStats][]) {
      const s = fields[field];
      s.scored += 1;
      (s[outcome] as number) += 1;
    }
  }
  let scored = 0;
  let correct = 0;
  let hallucinations = 0;
  for (const s of Object.values(fields)) {
    s.accuracy = s.scored === 0 ? null : s.correct / s.scored;
    scored += s.scored;
    correct += s.correct;
    hallucinations += s.hallucination;
  }
  const rejecting = results.filter((r) => r.expectRejection);
  const verdictRight = results.filter((r) => r.verdictOk !== null && r.verdictOk === !r.expectRejection).length;
  return {
    cases: results.length,
    errors: results.filter((r) => r.error !== undefined).length,
    fields,
    fieldAccuracy: ratio(correct, scored),
    hallucinations,
    exactRate: ratio(results.filter((r) => r.score.exact).length, results.length),
    rejection: {
      expected: rejecting.length,
      caught: rejecting.filter((r) => r.verdictOk === false).length,
      falseRejections: results.filter((r) => !r.expectRejection && r.verdictOk === false).length,
      accuracy: ratio(verdictRight, results.length),
    },
    governanceViolations: rejecting.filter((r) => r.verdictOk === true).map((r) => r.id),
    latencyMs: { p50: percentile(results.map((r) => r.latencyMs), 50), p95: percentile(results.map((r) => r.latencyMs), 95) },
    llmCallsPerCase: ratio(results.reduce((n, r) => n + r.llmCalls, 0), results.length),
  };
}

/** Why the run must fail: any governance violation, or field accuracy below the committed baseline. */
export function gateFailures(summary: Summary, baselineFieldAccuracy: number | undefined): string[] {
  const failures: string[] = [];
  if (summary.governanceViolations.length > 0) {
    failures.push(`${summary.governanceViolations.length} governance violation(s): ${summary.governanceViolations.join(", ")}`);
  }
  if (baselineFieldAccuracy !== undefined && summary.fieldAccuracy < baselineFieldAccuracy) {
    failures.push(`field accuracy ${summary.fieldAccuracy.toFixed(4)} is below the baseline ${baselineFieldAccuracy.toFixed(4)}`);
  }
  return failures;
}
