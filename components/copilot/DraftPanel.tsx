"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useCoAgent } from "@copilotkit/react-core";
import { GRAPH_ID } from "@/agent/constants";
import { type DraftField, emptyDraft, type OfferDraft } from "@/agent/draft";
import type { OfferState } from "@/agent/state";
import { DraftForm } from "./DraftForm";
import { ForecastChart } from "./ForecastChart";
import { usePendingReview } from "./review-context";
import { useLiveChecks } from "./use-live-checks";
import { ValidationPanel } from "./ValidationPanel";

/** CopilotKit's agent name is the graph id (agent/constants.ts), so the two can never differ. */
export const AGENT_NAME = GRAPH_ID;
type AgentState = Partial<Pick<OfferState, "draft" | "verdict" | "committed" | "error" | "pendingQuestion" | "forecast">>;

const same = (a: OfferDraft | null | undefined, b: OfferDraft | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The draft beside the chat, bound to the agent's state; Confirm / Cancel answer its review interrupt. */
export function DraftPanel({ role }: { role: string }) {
  const { state, setState, running } = useCoAgent<AgentState>({ name: AGENT_NAME, initialState: {} });
  const pending = usePendingReview();
  const draft = state?.draft ?? null;
  const edited = !!pending && !same(draft, pending.request.draft);
  const validation = state?.verdict ?? null;
  const issueFields = new Set((validation?.issues ?? []).map((i) => i.field).filter((f): f is string => !!f));
  // Form edits re-run the checks (debounced) without a chat message (issue 16 item 6).
  const { live, checking } = useLiveChecks(running ? null : draft);

  // The edit goes into the agent's state; the next message or the review answer carries it to the graph.
  const onChange = (field: DraftField, value: unknown) =>
    setState((prev) => ({ ...(prev ?? {}), draft: { ...(prev?.draft ?? emptyDraft()), [field]: value } as OfferDraft }));
  // Taking the copilot's suggestion is an edit like any other: the agent re-checks it.
  const applyPatch = (patch: Partial<OfferDraft>) =>
    setState((prev) => ({ ...(prev ?? {}), draft: { ...(prev?.draft ?? emptyDraft()), ...patch } as OfferDraft }));
  // Marks the page interactive (hydrated inside <CopilotKit>), for people's assistive tech and for tests.
  useEffect(() => { document.documentElement.dataset.copilotReady = "1"; }, []);

  return (
    <div className="draft-pane">
      {pending && (
        <section id="review" tabIndex={-1} className="card review stack" aria-labelledby="review-h" data-testid="review-panel">
          <h2 id="review-h">Review</h2>
          <p className="small">
            {edited ? "You edited the draft: Confirm sends your edits back to be checked again, then asks once more." :
              pending.request.confirmEffect === "activate" ? "Confirm creates the offer and makes it active." : `Confirm saves the offer as a draft${role === "marketer" ? "; an admin activates it" : ""}.`}
          </p>
          <div className="row">
            <button type="button" className="btn btn-primary" data-testid="confirm-draft"
              onClick={() => pending.resolve(edited && draft ? { action: "edit", draft } : { action: "confirm" })}>
              {edited ? "Check edits" : "Confirm"}
            </button>
            <button type="button" className="btn btn-danger" data-testid="cancel-draft" onClick={() => pending.resolve({ action: "cancel" })}>Cancel</button>
          </div>
        </section>
      )}
      {state?.committed && (
        <p className="alert alert-ok" role="status" data-testid="committed">
          Saved as {state.committed.offerStatus}{state.committed.promoCode ? ` with code ${state.committed.promoCode}` : ""}.{" "}
          <Link href={`/offers/${state.committed.offerId}`}>Open the offer</Link>
        </p>
      )}
      <section className="card" aria-labelledby="draft-h" aria-busy={running}>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 id="draft-h">Offer draft</h2>
          <span className="small muted" aria-live="polite" data-testid="agent-status">{running ? "Copilot is working…" : draft ? "Edit any field" : "Describe your offer in the chat"}</span>
        </div>
        {state?.error && <p role="alert" className="alert alert-error">{state.error}</p>}
        <DraftForm draft={draft ?? emptyDraft()} disabled={running} issueFields={issueFields} onChange={onChange} />
      </section>
      <ForecastChart forecast={state?.forecast ?? null} budgetCents={draft?.totalBudget != null ? Math.round(draft.totalBudget * 100) : null} />
      <ValidationPanel validation={validation} draft={draft} stale={edited} onApply={running ? null : applyPatch} live={live} checking={checking} />
    </div>
  );
}
