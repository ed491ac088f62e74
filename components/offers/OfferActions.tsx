"use client";

import { useActionState } from "react";
import { activateOffer, duplicateOffer, type ActionState } from "@/lib/ui/offer-actions";

const idle: ActionState = { error: null, ok: null };

/** Duplicate for everyone who can write offers; Activate only for admins and only on drafts/inactive offers. */
export function OfferActions({ offerId, canActivate, status }: { offerId: string; canActivate: boolean; status: string }) {
  const [act, activate, activating] = useActionState(activateOffer, idle);
  const [dup, duplicate, duplicating] = useActionState(duplicateOffer, idle);
  const activatable = canActivate && (status === "draft" || status === "inactive");
  return (
    <div className="stack">
      <div className="row">
        <form action={duplicate}>
          <input type="hidden" name="offer_id" value={offerId} />
          <button type="submit" className="btn" disabled={duplicating}>{duplicating ? "Duplicating…" : "Duplicate"}</button>
        </form>
        {activatable && (
          <form action={activate}>
            <input type="hidden" name="offer_id" value={offerId} />
            <button type="submit" className="btn btn-primary" disabled={activating}>{activating ? "Activating…" : "Activate"}</button>
          </form>
        )}
        {!canActivate && status === "draft" && <span className="muted small">An admin must activate this draft.</span>}
      </div>
      <div aria-live="polite">
        {(act.error || dup.error) && <p role="alert" className="alert alert-error">{act.error ?? dup.error}</p>}
        {act.ok && <p className="alert alert-ok">{act.ok}</p>}
      </div>
    </div>
  );
}
