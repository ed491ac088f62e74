import type { CaseResult, Summary } from "./summary";

// Renders a Summary for humans (a plain-text table) and for machines (JSON). Kept apart from the
// runner so the output format can change without touching how cases are run.

const pct = (x: number | null) => (x === null ? "    -" : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The text report: per-field table, run-level numbers, then the cases worth looking at. */
export function formatReport(dataset: string, summary: Summary, results: CaseResult[], failures: string[]): string {
  const lines: string[] = [];
  lines.push(`Evals on ${dataset}: ${summary.cases} cases${summary.errors ? `, ${summary.errors} planner error(s)` : ""}`);
  lines.push("");
  lines.push(`${"field".padEnd(22)} ${"scored".padStart(6)} ${"correct".padStart(7)} ${"wrong".padStart(6)} ${"halluc".padStart(6)} ${"accuracy".padStart(8)}`);
  for (const [field, s] of Object.entries(summary.fields)) {
    lines.push(
      `${field.padEnd(22)} ${String(s.scored).padStart(6)} ${String(s.correct).padStart(7)} ${String(s.incorrect).padStart(6)} ${String(s.hallucination).padStart(6)} ${pct(s.accuracy).padStart(8)}`,
    );
  }
  lines.push("");
  lines.push(`field accuracy (all scored fields)  ${pct(summary.fieldAccuracy)}`);
  lines.push(`hallucinations                      ${summary.hallucinations}`);
  lines.push(`whole-case exact                    ${pct(summary.exactRate)}`);
  const r = summary.rejection;
  lines.push(`rejection accuracy (verdict right)  ${pct(r.accuracy)}   caught ${r.caught}/${r.expected}, false rejections ${r.falseRejections}`);
  lines.push(`governance violations               ${summary.governanceViolations.length}`);
  lines.push(`latency p50 / p95                   ${Math.round(summary.latencyMs.p50)} ms / ${Math.round(summary.latencyMs.p95)} ms`);
  lines.push(`LLM calls per case                  ${summary.llmCallsPerCase.toFixed(2)}`);
  const misses = results.filter((x) => !x.score.exact || x.error !== undefined || x.verdictOk !== !x.expectRejection);
  if (misses.length > 0) {
    lines.push("");
    lines.push("Cases with a miss:");
    for (const m of misses) lines.push(`  ${describeMiss(m)}`);
  }
  lines.push("");
  lines.push(failures.length === 0 ? "PASS" : `FAIL\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  return lines.join("\n");
}

function describeMiss(m: CaseResult): string {
  const parts = Object.entries(m.score.fields)
    .filter(([, o]) => o !== "correct")
    .map(([f, o]) => `${f}=${o}`);
  if (m.error !== undefined) parts.push(`error: ${m.error}`);
  else if (m.verdictOk !== !m.expectRejection) {
    parts.push(m.expectRejection ? "NOT REJECTED (governance violation)" : `falsely rejected [${m.reasonCodes.join(", ")}]`);
  }
  return `${m.id}: ${parts.join(", ")}`;
}

/** The same report as JSON, per-case results included, for CI dashboards and diffs. */
export function formatJson(dataset: string, summary: Summary, results: CaseResult[], failures: string[]): string {
  return JSON.stringify({ dataset, summary, pass: failures.length === 0, failures, cases: results }, null, 2);
}
