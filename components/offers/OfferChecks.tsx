"use client";

import { useState, useTransition } from "react";
import type { OfferCheck } from "@/core/offers/evaluate";
import { fixToOfferFields } from "@/lib/ui/offer-fix";
import { type ManageState, saveOfferFields } from "@/lib/ui/offer-manage-actions";

const ICON = { pass: "✓", fail: "✗", warn: "!", question: "?", pending: "…" } as const;
const WORD = { pass: "passes", fail: "fails", warn: "warning", question: "needs an answer", pending: "not checked yet" } as const;

/** The checks list (the same evaluation activation runs); a fix button applies its patch to the draft or offer. */
export function ChecksList({ checks, onFix, testid = "checks" }: { checks: OfferCheck[]; onFix: ((c: OfferCheck) => void) | null; testid?: string }) {
  return (
    <ul className="checks" data-testid={testid}>
      {checks.map((c) => (
        <li key={c.id} className={`check ${c.state === "pass" ? "pass" : c.state}`} data-testid={`check-${c.id}`} data-state={c.state}>
          <span className="check-icon" aria-hidden="true">{ICON[c.state]}</span>
          <div>
            <strong>{c.label}</strong> <span className="sr-only">{WORD[c.state]}</span>
            {c.reasons.map((r) => <div key={r.message} className="small">{r.message}</div>)}
            {c.reasons.length === 0 && c.detail && <div className="small muted">{c.detail}</div>}
            {c.fix && onFix && <button type="button" className="btn btn-small" data-testid={`fix-${c.id}`} onClick={() => onFix(c)}>{c.fix.label}</button>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The saved offer's checks; fixes are saved through update_offer (role rules apply) and the page re-checks. */
export function OfferChecks({ offerId, checks, currency, editable }: { offerId: string; checks: OfferCheck[]; currency: string; editable: boolean }) {
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const onFix = (c: OfferCheck) => start(async () => setState(await saveOfferFields(offerId, fixToOfferFields(c.fix!.patch, currency))));
  return (
    <div aria-busy={pending}>
      <ChecksList checks={checks} onFix={editable ? onFix : null} />
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error small">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok small">Fix applied and saved; checks re-run.</p>}
      </div>
    </div>
  );
}
