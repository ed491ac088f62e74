"use server";

import type { OfferDraft } from "@/agent/draft";
import { draftChecksInput } from "@/agent/draft-evaluation";
import type { OfferEvaluation } from "@/core/offers/evaluate";
import { requireSession } from "./session";
import { previewDraftChecks } from "@/tools/offers/offer-check-tools";
import { tryTool } from "./tools";

// The copilot form's live re-check (issue 16 item 6): the draft as it stands, evaluated by the same checks
// activation runs (POST /dashboard/offers/checks), without a chat message. Writes nothing.

/** Evaluates the draft now; null when it cannot be checked (signed out, or a field the form should have caught). */
export async function checkDraftNow(draft: OfferDraft): Promise<OfferEvaluation | null> {
  const session = await requireSession();
  const r = await tryTool(session, previewDraftChecks, draftChecksInput(draft));
  return r.ok ? r.data : null;
}
