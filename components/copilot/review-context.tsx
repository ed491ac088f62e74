"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLangGraphInterrupt } from "@copilotkit/react-core";
import type { ReviewRequest, ReviewResume } from "@/agent/state";

// The agent's human_review interrupt, shared between the chat (where CopilotKit renders it) and the
// draft panel (where the Confirm / Cancel buttons live). Resolving it resumes the LangGraph run.

export type PendingReview = { request: ReviewRequest; resolve: (answer: ReviewResume) => void };
type Ctx = { pending: PendingReview | null; setPending: (p: PendingReview | null) => void };
const ReviewContext = createContext<Ctx>({ pending: null, setPending: () => {} });

/** Holds the pending review for both panes. */
export function ReviewProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<PendingReview | null>(null);
  return <ReviewContext.Provider value={{ pending, setPending }}>{children}</ReviewContext.Provider>;
}

/** The review the agent is waiting on, or null. */
export function usePendingReview(): PendingReview | null {
  return useContext(ReviewContext).pending;
}

function parseRequest(value: unknown): ReviewRequest | null {
  const v = typeof value === "string" ? safeJson(value) : value;
  return v && typeof v === "object" && (v as { kind?: string }).kind === "offer_review" ? (v as ReviewRequest) : null;
}
function safeJson(s: string): unknown {
  try { return JSON.parse(s); } catch { return null; }
}

/** The in-chat card: publishes the interrupt to the panel while it is open (keyed by its JSON, so re-renders do not loop). */
function ReviewCard({ raw, resolve }: { raw: string; resolve: (s: string) => void }) {
  const { setPending } = useContext(ReviewContext);
  const request = useMemo(() => parseRequest(raw), [raw]);
  const resolveRef = useRef(resolve);
  resolveRef.current = resolve;
  useEffect(() => {
    if (!request) return;
    setPending({ request, resolve: (answer) => { setPending(null); resolveRef.current(JSON.stringify(answer)); } });
    return () => setPending(null);
  }, [request, setPending]);
  if (!request) return <span />;
  const effect = request.confirmEffect === "activate" ? "Confirming creates the offer and activates it." : "Confirming saves it as a draft for an admin to activate.";
  return (
    <div className="card review small" role="status" data-testid="review-card">
      <strong>Ready for your review.</strong> {effect} <a href="#review">Review the draft</a> and press Confirm or Cancel.
    </div>
  );
}

/** Registers the interrupt renderer; must sit inside <CopilotKit>. */
export function ReviewInterrupt() {
  useLangGraphInterrupt<unknown>({
    enabled: ({ eventValue }) => parseRequest(eventValue) !== null,
    render: ({ event, resolve }) => <ReviewCard raw={typeof event.value === "string" ? event.value : JSON.stringify(event.value)} resolve={resolve} />,
  });
  return null;
}
