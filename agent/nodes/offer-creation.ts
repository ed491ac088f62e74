import { type OfferDraft, OfferDraftSchema } from "../draft";
import { makeDescription, makeTerms, makeTitle } from "../planner/copy";
import type { OfferState, OfferStateUpdate } from "../state";

// offer_creation: turns the model's reading into the conversation's draft. A follow-up edits the
// existing draft: what the message states wins, what it leaves out is kept.

/** Previous draft with every non-null extracted value applied; copy is filled where still empty. */
export function mergeDraft(previous: OfferDraft | null, extracted: OfferDraft): OfferDraft {
  const draft = { ...(previous ?? extracted) } as Record<string, unknown>;
  for (const [k, v] of Object.entries(extracted)) if (v !== null) draft[k] = v;
  const d = draft as OfferDraft;
  if (d.promoCode) d.promoCode = d.promoCode.trim().toUpperCase();
  if (!d.redemptionMethod && d.promoCode) d.redemptionMethod = "promo_code";
  if (d.offerType === "free_shipping") Object.assign(d, { offerValue: null, maxDiscountUnit: null });
  d.title ??= makeTitle(d);
  d.description ??= makeDescription(d);
  d.terms ??= makeTerms(d);
  return OfferDraftSchema.parse(d);
}

/** Builds the node; with nothing extracted (an earlier failure) the draft is left as it was. */
export function offerCreationNode() {
  return async (state: OfferState): Promise<OfferStateUpdate> => {
    if (!state.extracted) return {};
    return { draft: mergeDraft(state.draft, state.extracted), extracted: null };
  };
}
