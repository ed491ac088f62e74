import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { type AgentDeps, runConfig, todayOf } from "../config";
import { type DraftField, type OfferDraft, OfferDraftSchema } from "../draft";
import { refreshAutoCopy } from "../copy-refresh";
import { spoken } from "../planner/calendar";
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
  return { draft: { ...d, startDate: today }, note: `${spoken(d.startDate)} has passed, so the offer starts today (${spoken(today)}).` };
}

const LABELS: Partial<Record<DraftField, string>> = {
  objective: "objective", programType: "program type", offerType: "offer type", offerValue: "value", totalBudget: "total budget",
  minimumSpend: "minimum spend", startDate: "start date", endDate: "end date", redemptionMethod: "redemption",
  promoCode: "promo code", usageLimitPerCustomer: "limit per customer", totalUsageLimit: "total redemptions",
  targetAudience: "audience", surface: "surface", productScope: "products",
};

/** What this turn changed, in one line a marketer can check ("Changed: total budget → $5,000."); null when nothing did. */
export function describeChanges(before: OfferDraft, after: OfferDraft): string | null {
  const parts: string[] = [];
  for (const [field, label] of Object.entries(LABELS) as [DraftField, string][]) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    parts.push(`${label} → ${show(field, after)}`);
  }
  return parts.length ? `Changed: ${parts.join("; ")}.` : null;
}

function show(field: DraftField, d: OfferDraft): string {
  const v = d[field];
  if (v === null) return "cleared";
  if (field === "startDate" || field === "endDate") return spoken(v as string);
  if (field === "totalBudget" || field === "minimumSpend") return `$${(v as number).toLocaleString("en-US")}`;
  if (field === "offerValue") return d.maxDiscountUnit === "$" ? `$${v}` : `${v}%`;
  if (Array.isArray(v)) return v.join(", ");
  return String(v).replace(/_/g, " ");
}

/** Builds the node; with nothing extracted (an earlier failure) the draft is left as it was. */
export function offerCreationNode(deps: AgentDeps) {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    if (!state.extracted) return {};
    const { draft, note } = clampStart(mergeDraft(state.draft, state.extracted), todayOf(runConfig(config), deps.now()));
    const changed = state.draft ? describeChanges(state.draft, draft) : null;
    const goal = state.goal && {
      ...state.goal,
      recommendations: changed ? [changed, ...state.goal.recommendations] : state.goal.recommendations,
      notes: note ? [...state.goal.notes, note] : state.goal.notes,
    };
    return { draft, goal, extracted: null };
  };
}
