import { AIMessage } from "@langchain/core/messages";
import { interrupt, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { can } from "@/core/auth/permissions";
import { runConfig } from "../config";
import { refreshAutoCopy } from "../copy-refresh";
import { type OfferState, type OfferStateUpdate, type ReviewRequest, ReviewRequestSchema, ReviewResumeSchema } from "../state";

// human_review: pauses the run with a typed interrupt carrying the draft and its verdict. The resume
// value is zod-parsed here, before commit can write anything; an unreadable one asks again.

// Cancel writes no offer, but the draft stays in the conversation (chat edits continue it): the reply says both.
export const CANCELLED =
  "Cancelled: no offer was created. Your draft is still here to change in the chat or the form.";

/** Builds the node; the interrupt survives restarts because the checkpoint is in the database. */
export function humanReviewNode() {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    const rc = runConfig(config);
    const request: ReviewRequest = ReviewRequestSchema.parse({
      kind: "offer_review",
      draft: state.draft,
      validation: state.verdict,
      confirmEffect: can(rc.caller.role, "offers.activate") ? "activate" : "save_draft",
    });
    const answer = ReviewResumeSchema.safeParse(interrupt<ReviewRequest, unknown>(request));
    if (!answer.success) {
      const error = 'That answer was not understood; reply with {"action": "confirm"}, {"action": "edit", "draft": {...}} or {"action": "cancel"}.';
      return { decision: null, error, messages: [new AIMessage(error)] };
    }
    const a = answer.data;
    if (a.action === "cancel") {
      return { decision: "cancel", error: null, pendingQuestion: null, messages: [new AIMessage(CANCELLED)] };
    }
    // A form edit changes fields; copy the system wrote for the old fields is rewritten to match.
    if (a.action === "edit") return { decision: "edit", error: null, draft: refreshAutoCopy(state.draft, a.draft) };
    return { decision: "confirm", error: null };
  };
}
