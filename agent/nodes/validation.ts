import { AIMessage } from "@langchain/core/messages";
import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { type AgentDeps, runConfig, todayOf } from "../config";
import { emptyDraft } from "../draft";
import { forecastFor, forecastSentence } from "../recommend/forecast";
import type { Goal, OfferState, OfferStateUpdate, Validation } from "../state";
import { judgeDraft } from "../validate";

// validation: deterministic, no LLM. Loads the tenant's facts, asks the governance core and the
// draft checks, and tells the user the one next thing to do.

/** The assistant's reply for a verdict: refusals with the alternative, else the next question; "- " items render as a list. */
export function replyFor(v: Validation, goal: Goal | null): string {
  const lines: string[] = [];
  if (goal?.recommendations.length) lines.push(...goal.recommendations.map((r) => `- ${r}`), "");
  if (v.issues.length) {
    // An issue the alternative already quotes is said once, inside the alternative.
    const said = v.issues.filter((i) => !v.alternative?.message.includes(i.message));
    lines.push("This draft cannot be submitted yet:", ...said.map((i) => `- ${i.message}`));
    if (v.alternative) lines.push(`- ${v.alternative.message}`);
  }
  if (v.questions.length) lines.push(v.issues.length ? `Also: ${v.questions[0].question}` : v.questions[0].question);
  // Warnings never block; each is said with its one-click fix.
  const warnings = v.warnings ?? [];
  if (warnings.length) lines.push(...warnings.map((w) => `- Warning: ${w.fix?.message ?? w.message}`));
  if (v.ok) lines.push(warnings.length ? "Nothing blocks the draft. Review it and confirm, edit or cancel."
    : "The draft passes every check. Review it and confirm, edit or cancel.");
  if (goal?.notes.length) lines.push("", ...goal.notes.map((n) => `Note: ${n}`));
  return lines.join("\n").trim();
}

/** The one thing the agent waits on: the alternative to accept, else the first question. */
export function pendingQuestionOf(v: Validation): string | null {
  if (v.issues.length) return v.alternative?.message ?? v.issues[0].message;
  return v.questions[0]?.question ?? null;
}

/** Builds the node; it never writes, so a plan run and a conversation share it. */
export function validationNode(deps: AgentDeps) {
  return async (state: OfferState, config: LangGraphRunnableConfig): Promise<OfferStateUpdate> => {
    const rc = runConfig(config);
    const draft = state.draft ?? emptyDraft();
    const validation = await judgeDraft(deps, rc.caller, draft, todayOf(rc, deps.now()));
    const forecast = await forecastFor(deps, rc.caller, draft);
    // The forecast is said when it is new or changed, not every turn.
    const said = forecast && JSON.stringify(forecast) !== JSON.stringify(state.forecast) ? `\n\n${forecastSentence(forecast)}` : "";
    return {
      draft,
      verdict: validation,
      forecast,
      pendingQuestion: pendingQuestionOf(validation),
      messages: [new AIMessage(replyFor(validation, state.decision === "edit" ? null : state.goal) + said)],
    };
  };
}
