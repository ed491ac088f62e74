import { emptyDraft, OfferDraftSchema, type DraftField, type OfferDraft } from "../draft";
import { addDays } from "./calendar";
import { findOccasion, makeDescription, makeTerms, makeTitle } from "./copy";
import { parseMessage, type Parsed } from "./parse";

// The offline planner: the copilot's default brain when no LLM is configured. A brief (or a
// follow-up edit of the current draft) becomes an OfferDraft with only the fields the words
// state; everything else stays null. Pure and deterministic: the clock comes in as `today`.

export type PlanResult = {
  draft: OfferDraft;
  /** fields this message set or changed */
  changed: DraftField[];
  /** short notes on what was ambiguous and left empty */
  notes: string[];
};

export type PlanOptions = { today: string /* YYYY-MM-DD */; previous?: OfferDraft | null };

const RESET = /^\s*(?:(?:ok(?:ay)?|so|actually)[,\s]+)?(?:(?:a |here'?s a )?new (?:brief|offer|promo(?:tion)?|campaign|draft)\b|start (?:over|fresh|again)\b|from scratch\b|scrap (?:that|this|it)\b)/i;
const ADDITIVE = /\b(?:too|also|as well|in addition|add|include|plus)\b/i;
const COPY_FIELDS = ["title", "description", "terms"] as const satisfies readonly DraftField[];
const PERCENT_TYPES = new Set<OfferDraft["offerType"]>(["percentage_discount", "cashback", "bogo"]);
const AMOUNT_TYPES = new Set<OfferDraft["offerType"]>(["fixed_discount", "cashback"]);

/** Offline planner: brief (or follow-up edit) → draft; pure, deterministic, clock injected. */
export function planOffline(message: string, opts: PlanOptions): PlanResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`planOffline: today must be YYYY-MM-DD, got "${opts.today}"`);
  const previous = opts.previous ? OfferDraftSchema.parse(opts.previous) : null;
  // "New offer: ..." / "start over": the marketer is done with the current draft.
  const fresh = previous !== null && RESET.test(message);
  const base = previous && !fresh ? previous : emptyDraft();
  const parsed = parseMessage(message, opts.today);
  const notes = [...parsed.notes];
  const draft = applyEdits(base, parsed, previous !== null && !fresh, notes, message);
  // A named occasion ("Black Friday tees") is the campaign's headline when no goal was stated; titles keep it.
  if (draft.objective === null) draft.objective = findOccasion(message);

  // Copy follows the fields, unless a person (or the LLM) rewrote it: then it is theirs to keep.
  for (const field of COPY_FIELDS) {
    const generatedBefore = generate(field, base);
    if (base[field] === null || base[field] === generatedBefore) draft[field] = generate(field, draft);
  }

  const checked = OfferDraftSchema.parse(draft);
  const keys = Object.keys(OfferDraftSchema.shape) as DraftField[];
  const before = previous ?? emptyDraft();
  const changed = keys.filter((k) => JSON.stringify(checked[k]) !== JSON.stringify(before[k]));
  return { draft: checked, changed, notes: [...new Set(notes)] };
}

function generate(field: (typeof COPY_FIELDS)[number], d: OfferDraft): string | null {
  if (field === "title") return makeTitle(d);
  if (field === "description") return makeDescription(d);
  return makeTerms(d);
}

/** Applies what the message states on top of the current draft, keeping the draft coherent. */
function applyEdits(base: OfferDraft, parsed: Parsed, editing: boolean, notes: string[], message: string): OfferDraft {
  const s = { ...parsed.stated };
  const draft: OfferDraft = { ...base };

  if (editing && s.offerType && parsed.typeInferred && base.offerType && s.offerType !== base.offerType) {
    // "make it 15%" on a cash-back or BOGO draft changes the value, not the kind of offer.
    const unit = s.maxDiscountUnit;
    const keep = unit === "%" ? PERCENT_TYPES.has(base.offerType) : AMOUNT_TYPES.has(base.offerType);
    if (keep) delete s.offerType;
  }
  if (parsed.bareValue !== null && s.offerValue === undefined) {
    if (base.offerValue !== null && base.maxDiscountUnit) s.offerValue = parsed.bareValue;
    else notes.push(`"${parsed.bareValue}" has no % or currency and the draft has no value to take the unit from; left empty.`);
  }
  if (parsed.extendDays !== null && s.endDate === undefined) {
    if (base.endDate) s.endDate = addDays(base.endDate, parsed.extendDays);
    else notes.push("Asked to extend the offer, but the draft has no end date yet; end date left empty.");
  }
  if (s.offerType && s.offerType !== base.offerType && s.offerValue === undefined && base.offerValue !== null) {
    // A new kind of offer with no value stated: the old value belonged to the old kind.
    s.offerValue = null;
    s.maxDiscountUnit = null;
  }
  if (s.offerType === "free_shipping") {
    s.offerValue = null;
    s.maxDiscountUnit = null;
  }
  if (editing && s.distributionChannels && base.distributionChannels) {
    // Channels are implied by cues; a message adds to them rather than replacing them.
    s.distributionChannels = [...new Set([...base.distributionChannels, ...s.distributionChannels])];
  }
  if (editing && s.targetAudience && base.targetAudience && ADDITIVE.test(message)) {
    // "target students too": widen the audience instead of replacing it.
    s.targetAudience = [...new Set([...base.targetAudience, ...s.targetAudience])];
  }
  Object.assign(draft, s);
  return draft;
}

export { parseMessage } from "./parse";
