"use client";

import { useEffect, useRef, useState } from "react";
import type { OfferDraft } from "@/agent/draft";
import type { OfferEvaluation } from "@/core/offers/evaluate";
import { checkDraftNow } from "@/lib/ui/draft-check-actions";

/** Re-runs the checks 400 ms after the draft stops changing (form edits or the agent's); the newest answer wins. */
export function useLiveChecks(draft: OfferDraft | null): { live: OfferEvaluation | null; checking: boolean } {
  const [live, setLive] = useState<OfferEvaluation | null>(null);
  const [checking, setChecking] = useState(false);
  const seq = useRef(0);
  const key = JSON.stringify(draft ?? null);
  useEffect(() => {
    if (!draft) return;
    const mine = ++seq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      checkDraftNow(draft).then((r) => { if (mine === seq.current) { setLive(r); setChecking(false); } })
        .catch(() => { if (mine === seq.current) setChecking(false); });
    }, 400);
    return () => clearTimeout(timer);
    // The draft's content (key) is what matters, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { live: draft ? live : null, checking };
}
