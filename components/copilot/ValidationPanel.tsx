"use client";

import type { OfferDraft } from "@/agent/draft";
import type { Validation } from "@/agent/state";
import type { OfferEvaluation } from "@/core/offers/evaluate";
import { ChecksList } from "@/components/offers/OfferChecks";
import { draftChecks, verdictWarnings } from "@/lib/ui/draft-checks";

const ICON = { pass: "✓", fail: "✗", pending: "…" } as const;
const WORD = { pass: "passes", fail: "fails", pending: "not checked yet" } as const;
/** Rows only the agent's verdict has (brand rules, completeness); the live evaluation covers the rest. */
const VERDICT_ONLY = new Set(["brand", "other", "complete"]);

type Props = {
  validation: Validation | null; draft: OfferDraft | null; stale: boolean; onApply: ((patch: Partial<OfferDraft>) => void) | null;
  /** The same checks activation runs, re-run as the form changes (null until the first answer). */
  live?: OfferEvaluation | null; checking?: boolean;
};

/** Every check with its reason and one-click fix, live as the draft changes, plus the copilot's suggestion. */
export function ValidationPanel({ validation, draft, stale, onApply, live = null, checking = false }: Props) {
  const verdictRows = draftChecks(validation, draft).filter((c) => !live || VERDICT_ONLY.has(c.id));
  const warnings = verdictWarnings(validation, live);
  return (
    <section className="card" aria-labelledby="checks-h" data-testid="validation-panel" aria-busy={checking}>
      <h2 id="checks-h">Checks {checking ? <span className="badge" data-testid="checks-running">checking…</span>
        : stale && <span className="badge warn">edited — checks follow your edits</span>}</h2>
      {live && <ChecksList checks={live.checks} onFix={onApply ? (c) => onApply(c.fix!.patch as Partial<OfferDraft>) : null} testid="live-checks" />}
      <ul className="checks">
        {verdictRows.map((c) => (
          <li key={c.id} className={`check ${c.state}`} data-testid={`check-${c.id}`} data-state={c.state}>
            <span className="check-icon" aria-hidden="true">{ICON[c.state]}</span>
            <div>
              <strong>{c.label}</strong> <span className="sr-only">{WORD[c.state]}</span>
              {c.reasons.map((r) => <div key={r} className="small">{r}</div>)}
            </div>
          </li>
        ))}
      </ul>
      {warnings.length > 0 && (
        <ul className="checks" data-testid="verdict-warnings">
          {warnings.map((w) => (
            <li key={w.key} className="check warn" data-state="warn">
              <span className="check-icon" aria-hidden="true">!</span>
              <div>
                <strong>Warning</strong> <span className="sr-only">does not block saving</span>
                <div className="small">{w.text}</div>
                {w.patch && onApply && <button type="button" className="btn btn-small" onClick={() => onApply(w.patch!)}>Apply to the draft</button>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {validation?.alternative && (
        <div className="alert alert-warn small row" data-testid="alternative" style={{ marginTop: 10 }}>
          <span>Suggestion: {validation.alternative.message}</span>
          {onApply && <button type="button" className="btn btn-small" onClick={() => onApply(validation.alternative!.patch)}>Apply to the draft</button>}
        </div>
      )}
    </section>
  );
}
