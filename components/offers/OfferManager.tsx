"use client";

import { useState, useTransition } from "react";
import {
  approveOffer, archiveOffer, duplicateAsCopy, type ManageState, rejectOffer, setOfferRunning, submitForApproval,
} from "@/lib/ui/offer-manage-actions";

type Props = {
  offerId: string; title: string; status: string; canActivate: boolean; reviewState: "submitted" | "rejected" | null;
  /** The checks' failing reasons: Approve says why it will be refused before it is pressed. */
  blocking: string[];
};

/** The role's actions on one offer: submit, approve or reject with a reason, pause/resume, duplicate, archive. */
export function OfferManager({ offerId, title, status, canActivate, reviewState, blocking }: Props) {
  const [state, setState] = useState<ManageState | null>(null);
  const [pending, start] = useTransition();
  const [mode, setMode] = useState<"none" | "reject" | "submit" | "archive" | "duplicate">("none");
  const [text, setText] = useState("");
  const act = (fn: () => Promise<ManageState>) => start(async () => { setState(await fn()); setMode("none"); setText(""); });
  const draft = status === "draft";

  return (
    <div className="stack" data-testid="offer-manager">
      <div className="row">
        {draft && reviewState !== "submitted" && <button type="button" className="btn" onClick={() => setMode("submit")} disabled={pending}>Submit for approval</button>}
        {draft && canActivate && (
          <button type="button" className="btn btn-primary" data-testid="approve" disabled={pending} onClick={() => act(() => approveOffer(offerId))}>
            {pending ? "Checking…" : reviewState === "submitted" ? "Approve and activate" : "Activate"}
          </button>
        )}
        {draft && canActivate && <button type="button" className="btn btn-danger" data-testid="reject" onClick={() => setMode("reject")} disabled={pending}>Reject…</button>}
        {canActivate && status === "active" && <button type="button" className="btn" onClick={() => act(() => setOfferRunning(offerId, false))} disabled={pending}>Pause</button>}
        {canActivate && status === "inactive" && <button type="button" className="btn btn-primary" onClick={() => act(() => setOfferRunning(offerId, true))} disabled={pending}>Resume</button>}
        <button type="button" className="btn" data-testid="duplicate" onClick={() => setMode("duplicate")} disabled={pending}>Duplicate</button>
        {(canActivate || status !== "active") && <button type="button" className="btn btn-small" onClick={() => setMode("archive")} disabled={pending}>Archive</button>}
      </div>
      {draft && !canActivate && reviewState === "submitted" && <p className="small muted">Waiting for an admin to approve it.</p>}
      {draft && canActivate && blocking.length > 0 && <p className="small alert alert-warn" data-testid="approve-warning">Activation will be refused until these pass: {blocking.join("; ")}</p>}

      {mode === "reject" && (
        <form className="stack card" aria-label="Reject with a reason" onSubmit={(e) => { e.preventDefault(); act(() => rejectOffer(offerId, text)); }}>
          <div className="field">
            <label htmlFor="reject-reason">Why is it rejected? The marketer reads this.</label>
            <textarea id="reject-reason" required rows={2} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={state?.fields?.reason ? true : undefined} />
            {state?.fields?.reason && <span className="small alert-error" role="alert">{state.fields.reason}</span>}
          </div>
          <div className="row"><button type="submit" className="btn btn-danger" disabled={pending || !text.trim()}>Reject with this reason</button><button type="button" className="btn" onClick={() => setMode("none")}>Cancel</button></div>
        </form>
      )}
      {mode === "submit" && (
        <form className="stack card" aria-label="Submit for approval" onSubmit={(e) => { e.preventDefault(); act(() => submitForApproval(offerId, text)); }}>
          <div className="field"><label htmlFor="submit-note">Note for the approver (optional)</label><textarea id="submit-note" rows={2} value={text} onChange={(e) => setText(e.target.value)} /></div>
          <div className="row"><button type="submit" className="btn btn-primary" disabled={pending}>Submit</button><button type="button" className="btn" onClick={() => setMode("none")}>Cancel</button></div>
        </form>
      )}
      {mode === "duplicate" && (
        <div className="alert alert-warn row" role="group" aria-label="Confirm duplicate">
          <span>Create &quot;Copy of {title}&quot; as a draft? Its promo codes are not copied; add new ones on the copy.</span>
          <button type="button" className="btn btn-primary btn-small" data-testid="confirm-duplicate" disabled={pending} onClick={() => act(() => duplicateAsCopy(offerId, title))}>Duplicate</button>
          <button type="button" className="btn btn-small" onClick={() => setMode("none")}>Cancel</button>
        </div>
      )}
      {mode === "archive" && (
        <div className="alert alert-warn row" role="group" aria-label="Confirm archive">
          <span>Archive this offer? It disappears from lists and its codes stop redeeming.</span>
          <button type="button" className="btn btn-danger btn-small" disabled={pending} onClick={() => act(() => archiveOffer(offerId))}>Archive</button>
          <button type="button" className="btn btn-small" onClick={() => setMode("none")}>Cancel</button>
        </div>
      )}
      <div aria-live="polite">
        {state?.error && <p role="alert" className="alert alert-error" data-testid="manage-error">{state.error}</p>}
        {state?.ok && <p role="status" className="alert alert-ok" data-testid="manage-ok">{state.ok}</p>}
      </div>
    </div>
  );
}
