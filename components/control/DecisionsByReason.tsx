import type { z } from "zod";
import type { listGovernanceDecisions } from "@/tools/ui/governance-decisions";

/** What list_governance_decisions answers (its own output type, never copied by hand). */
export type Decisions = z.output<typeof listGovernanceDecisions.output>;

/** Recent governance decisions from the audit log, rejections grouped by reason code. */
export function DecisionsByReason({ data }: { data: Decisions }) {
  return (
    <div className="stack">
      <p className="small muted">Since {data.since.slice(0, 10)}: {data.total} decisions, {data.allowed} allowed, {data.rejected} rejected.</p>
      {data.by_reason.length === 0 ? (
        <div className="empty">No rejections in this period.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Reason</th><th>Count</th><th>Latest</th></tr></thead>
            <tbody>
              {data.by_reason.map((g) => (
                <tr key={g.code} data-testid="reason-group">
                  <td><span className="badge bad">{g.code}</span></td>
                  <td>{g.count}</td>
                  <td className="small">{g.last_message}<br /><span className="muted">{g.last_at.slice(0, 16).replace("T", " ")} UTC</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
