import { HumanMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver, LangGraphRunnableConfig } from "@langchain/langgraph";
import { END, START, StateGraph } from "@langchain/langgraph";
import { type AgentDeps, runConfig } from "./config";
import { GRAPH_ID } from "./constants";
import { commitNode } from "./nodes/commit";
import { goalSettingNode } from "./nodes/goal-setting";
import { humanReviewNode } from "./nodes/human-review";
import { offerCreationNode } from "./nodes/offer-creation";
import { validationNode } from "./nodes/validation";
import { type OfferState, OfferStateSchema } from "./state";

// The offer copilot workflow: goal_setting → offer_creation → validation → human_review → commit.
// Nodes get their dependencies by closure; the caller comes from the run's config.

export { GRAPH_ID };

/** After goal_setting: a refused caller or an unusable model answer ends the turn. */
export function routeAfterGoal(state: OfferState): "offer_creation" | "__end__" {
  return state.error ? END : "offer_creation";
}

/** After validation: plan runs stop; incomplete or refused drafts wait for the user's next message. */
export function routeAfterValidation(state: OfferState, config: LangGraphRunnableConfig): "human_review" | "__end__" {
  if (runConfig(config).mode === "plan") return END;
  return state.verdict?.ok ? "human_review" : END;
}

/** After review: confirm commits, an edit is validated again, cancel ends, an unreadable answer asks again. */
export function routeAfterReview(state: OfferState): "commit" | "validation" | "human_review" | "__end__" {
  if (state.decision === "confirm") return "commit";
  if (state.decision === "edit") return "validation";
  if (state.decision === "cancel") return END;
  return "human_review";
}

/** Builds the compiled graph; without a checkpointer it can plan but not pause for review. */
export function buildOfferGraph(deps: AgentDeps, checkpointer?: BaseCheckpointSaver) {
  return new StateGraph(OfferStateSchema)
    .addNode("goal_setting", goalSettingNode(deps))
    .addNode("offer_creation", offerCreationNode(deps))
    .addNode("validation", validationNode(deps))
    .addNode("human_review", humanReviewNode())
    .addNode("commit", commitNode(deps))
    .addEdge(START, "goal_setting")
    .addConditionalEdges("goal_setting", routeAfterGoal, ["offer_creation", END])
    .addEdge("offer_creation", "validation")
    .addConditionalEdges("validation", routeAfterValidation, ["human_review", END])
    .addConditionalEdges("human_review", routeAfterReview, ["commit", "validation", "human_review", END])
    .addEdge("commit", END)
    .compile({ checkpointer, name: GRAPH_ID });
}

export type OfferGraph = ReturnType<typeof buildOfferGraph>;

/** The input of one conversational turn: the user's message (typed once here for every caller). */
export function turnInput(text: string): Parameters<OfferGraph["invoke"]>[0] {
  return { messages: [new HumanMessage(text)] } as unknown as Parameters<OfferGraph["invoke"]>[0];
}
