"use client";

import type { OfferDraft } from "@/agent/draft";
import type { Validation } from "@/agent/state";
import { draftChecks } from "@/lib/ui/draft-checks";

const ICON = { pass: "✓", fail: "✗", pending: "…" } as const;
const WORD = { pass: "passes", fail: "fails", pending: "not checked yet" } as const;

/** Every check green or red with its reason, plus the nearest compliant alternative when there is one. */
type Props = { validation: Validation | null; draft: OfferDraft | null; stale: boolean; onApply: ((patch: Partial<OfferDraft>) => void) | null };

export function ValidationPanel({ validation, draft, stale, onApply }: Props) {
  const checks = draftChecks(validation, draft);
  return (
    <section className="card" aria-labelledby="checks-h" data-testid="validation-panel">
      <h2 id="checks-h">Checks {stale && <span className="badge warn">edited — re-checked on confirm</span>}</h2>
      <ul className="checks">
        {checks.map((c) => (
          <li key={c.id} className={`check ${c.state}`} data-testid={`check-${c.id}`} data-state={c.state}>
            <span className="check-icon" aria-hidden="true">{ICON[c.state]}</span>
            <div>
              <strong>{c.label}</strong> <span className="sr-only">{WORD[c.state]}</span>
              {c.reasons.map((r) => <div key={r} className="small">{r}</div>)}
            </div>
          </li>
        ))}
      </ul>
      {validation?.alternative && (
        <div className="alert alert-warn small row" data-testid="alternative" style={{ marginTop: 10 }}>
          <span>Suggestion: {validation.alternative.message}</span>
          {onApply && <button type="button" className="btn btn-small" onClick={() => onApply(validation.alternative!.patch)}>Apply to the draft</button>}
        </div>
      )}
    </section>
  );
}
