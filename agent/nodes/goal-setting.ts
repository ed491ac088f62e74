import { AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { can } from "@/core/auth/permissions";
import { recommendations } from "../advice";
import { type AgentDeps, runConfig, todayOf } from "../config";
import { loadTenantFacts } from "../facts";
import { ModelAnswerError } from "../model";
import { emptyDraft, type OfferDraft } from "../draft";
import { ACCEPTS_OFFER, answerInContext, ASKS_FOR_SUGGESTION, type AskedContext } from "../planner/answers";
import { proposeOffer } from "../recommend/propose";
import { pastOfferCount } from "@/tools/copilot";
import { measurableTarget } from "../planner/objective";
import type { Alternative, OfferState, OfferStateUpdate } from "../state";

// goal_setting: reads the latest message (the one model call of the turn), pulls out the objective
// and program type, and advises from the tenant's facts before the draft is filled.

/** The longest brief the copilot reads (CONTRACT §7): a longer one gets a message, never a planner run. */
export const MAX_BRIEF_CHARS = 4000;

/** The reply to a brief over the limit: what happened and what to do, in the marketer's terms. */
export function briefTooLongMessage(length: number): string {
  return `That message is ${length.toLocaleString("en-US")} characters; the copilot reads briefs of up to ` +
    `${MAX_BRIEF_CHARS.toLocaleString("en-US")}. Nothing was changed: send the offer's essentials (who, what discount, ` +
    "when, budget, code) in a shorter message.";
}

/** Text of the newest human message: what this turn is about. */
export function latestHumanText(messages: BaseMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (HumanMessage.isInstance(m) || m.getType() === "human") return typeof m.content === "string" ? m.content : m.text;
  }
  return null;
}

/** The question the last turn ended on, when it was a question about a missing field (not a refusal). */
export function askedContext(state: OfferState): AskedContext | null {
  const q = state.verdict?.questions[0];
  if (state.committed || !q || state.pendingQuestion !== q.question) return null;
  return { field: q.field, offerType: state.draft?.offerType ?? null };
}

/** Text of the newest assistant message: what the agent said last. */
function latestAssistantText(messages: BaseMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (AIMessage.isInstance(m) || m.getType() === "ai") return typeof m.content === "string" ? m.content : m.text;
  }
  return null;
}

/**
 * The fix the agent's last reply offered, so "yes" applies it (why: the chat's answer must do what the panel's button
 * does): a refusal's alternative, or the swap of a reversed range that its question asks about. Null otherwise.
 */
export function offeredFix(state: OfferState): Alternative | null {
  const fix = state.verdict?.alternative;
  const asked = state.pendingQuestion;
  if (state.committed || !state.draft || !fix || !asked || !fix.message.startsWith(asked)) return null;
  return latestAssistantText(state.messages)?.includes(asked) ? fix : null;
}

/** "What do you suggest?": the open fields proposed inside policy and budget, with the reasons, no model call. */
async function suggest(deps: AgentDeps, state: OfferState, rc: ReturnType<typeof runConfig>, now: Date, previous: OfferDraft | null): Promise<OfferStateUpdate> {
  const facts = await loadTenantFacts(deps, rc.caller, now, null);
  const base = previous ?? emptyDraft();
  const history = await deps.tools(pastOfferCount, {}, rc.caller);
  const { patch, reasons } = proposeOffer(base, facts, todayOf(rc, now), history.offers);
  const draft = { ...base, ...patch };
  return {
    extracted: draft,
    goal: {
      objective: draft.objective, target: measurableTarget(draft.objective), audience: draft.targetAudience,
      programType: draft.programType, recommendations: ["My suggestion:", ...reasons], advised: state.goal?.advised ?? [], notes: [],
    },
    llmCalls: state.llmCalls,
    error: null,
    decision: null,
  };
}

/** Builds the node; a refused caller or an unusable model answer ends the turn with a message. */
export function goalSettingNode(deps: AgentDeps) {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    const rc = runConfig(config);
    const fail = (error: string): OfferStateUpdate => ({ error, extracted: null, messages: [new AIMessage(error)] });
    if (!rc.caller.tenantId || !can(rc.caller.role, "agent.use")) return fail(`A ${rc.caller.role} key cannot use the offer copilot; sign in as an admin or marketer.`);
    const message = latestHumanText(state.messages);
    if (!message?.trim()) return fail("Describe the offer you want in plain words, for example: 15% off for members in December, code MEMBER15.");
    if (message.length > MAX_BRIEF_CHARS) return fail(briefTooLongMessage(message.length));

    const now = deps.now();
    // An answer to the agent's own question is read as that question's field ("5000" is the budget).
    const read = answerInContext(askedContext(state), message);
    // After a commit the next brief starts a new offer; otherwise the message edits the current draft.
    const previous = state.committed ? null : state.draft;
    if (ASKS_FOR_SUGGESTION.test(message)) return suggest(deps, state, rc, now, previous);
    const fix = ACCEPTS_OFFER.test(message.trim()) ? offeredFix(state) : null;
    if (fix && previous) {
      // The offered patch is applied as the panel's button applies it; offer_creation says what changed.
      const goal = state.goal && { ...state.goal, recommendations: [], notes: [] };
      return { extracted: { ...previous, ...fix.patch }, goal, llmCalls: state.llmCalls, error: null, decision: null };
    }
    let extraction;
    try {
      extraction = await deps.model.extract({ message: read, previous, today: todayOf(rc, now) });
    } catch (err) {
      if (err instanceof ModelAnswerError) return { ...fail(err.message), llmCalls: state.llmCalls + 1 };
      throw err;
    }
    const facts = await loadTenantFacts(deps, rc.caller, now, null);
    const advice = recommendations(extraction.draft, facts);
    // Policy and budget bullets were said on an earlier turn of this draft: say only what is new.
    const said = new Set(previous ? (state.goal?.advised ?? []) : []);
    return {
      extracted: extraction.draft,
      goal: {
        objective: extraction.draft.objective,
        target: measurableTarget(extraction.draft.objective),
        audience: extraction.draft.targetAudience,
        programType: extraction.draft.programType,
        recommendations: advice.filter((r) => !said.has(r)),
        advised: [...new Set([...said, ...advice])],
        notes: extraction.notes,
      },
      llmCalls: state.llmCalls + extraction.llmCalls,
      error: null,
      decision: null,
      ...(previous === null ? { committed: null, draft: null } : {}),
    };
  };
}
