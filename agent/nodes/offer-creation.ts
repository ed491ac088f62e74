import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { type AgentDeps, runConfig, todayOf } from "../config";
import { type OfferDraft, OfferDraftSchema } from "../draft";
import { refreshAutoCopy } from "../copy-refresh";
import type { OfferState, OfferStateUpdate } from "../state";

// offer_creation: turns the model's reading into the conversation's draft. A follow-up edits the
// existing draft: what the message states wins, what it leaves out is kept.

/** Previous draft with every non-null extracted value applied; copy the system wrote follows the fields. */
export function mergeDraft(previous: OfferDraft | null, extracted: OfferDraft): OfferDraft {
  const draft = { ...(previous ?? extracted) } as Record<string, unknown>;
  for (const [k, v] of Object.entries(extracted)) if (v !== null) draft[k] = v;
  const d = draft as OfferDraft;
  if (d.promoCode) d.promoCode = d.promoCode.trim().toUpperCase();
  if (!d.redemptionMethod && d.promoCode) d.redemptionMethod = "promo_code";
  if (d.offerType === "free_shipping") Object.assign(d, { offerValue: null, maxDiscountUnit: null });
  return OfferDraftSchema.parse(refreshAutoCopy(previous, d));
}

/**
 * An offer already running ("all September long", said on the 10th) starts today: the past part of
 * its window cannot be offered. A window wholly in the past is left for validation to refuse.
 */
export function clampStart(d: OfferDraft, today: string): { draft: OfferDraft; note: string | null } {
  if (!d.startDate || d.startDate >= today || (d.endDate !== null && d.endDate < today)) return { draft: d, note: null };
  return { draft: { ...d, startDate: today }, note: `The window starts ${d.startDate}, which has passed; the offer starts today (${today}).` };
}

/** Builds the node; with nothing extracted (an earlier failure) the draft is left as it was. */
export function offerCreationNode(deps: AgentDeps) {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    if (!state.extracted) return {};
    const { draft, note } = clampStart(mergeDraft(state.draft, state.extracted), todayOf(runConfig(config), deps.now()));
    const goal = note && state.goal ? { ...state.goal, notes: [...state.goal.notes, note] } : state.goal;
    return { draft, goal, extracted: null };
  };
}
