import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDraft } from "@/agent/draft";
import { buildOfferGraph, turnInput } from "@/agent/graph";
import { chatDraftModel, offlineModel, type DraftModel } from "@/agent/model";
import { MAX_BRIEF_CHARS } from "@/agent/nodes/goal-setting";
import { createPlanner } from "@/agent/plan";
import { toolRunner } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import type { TestDatabase } from "./support/db";
import { createDemoDatabase } from "./support/demo";

// Issue 11, bounded input: a brief over 4,000 characters gets a clear message and no planner run,
// in a chat turn (the graph's entry) and on the headless path `npm run draft` and MCP share.
process.env.LANGSMITH_TRACING = "false";

const NOW = new Date("2026-11-21T12:00:00Z");
const TODAY = "2026-11-21";
const LONG = `20% off for dealers in December, code DEALER20. ${"Please make it great. ".repeat(200)}`.slice(0, MAX_BRIEF_CHARS + 1);

let t: TestDatabase;
let marketer: Caller;

beforeAll(async () => {
  ({ t, marketer } = await createDemoDatabase(NOW));
});
afterAll(() => t?.cleanup());

/** A chat model that would answer with a draft: if it is called, the llmCalls count shows it. */
const wouldAnswer = (): DraftModel =>
  chatDraftModel(new FakeListChatModel({ responses: [JSON.stringify({ ...emptyDraft(), offerValue: 20 })] }));

const deps = (model: DraftModel) => ({ tools: toolRunner(t.database, () => NOW), model, now: () => NOW });

describe("a brief over the limit", () => {
  it("gets a message that says the limit, and no draft, in a chat turn", async () => {
    expect(LONG.length).toBe(MAX_BRIEF_CHARS + 1);
    const graph = buildOfferGraph(deps(wouldAnswer()));
    const state = await graph.invoke(turnInput(LONG), { configurable: { caller: marketer, today: TODAY } });
    expect(state.llmCalls).toBe(0);
    expect(state.draft).toBeNull();
    expect(state.goal).toBeNull();
    const reply = state.messages.at(-1)?.content;
    expect(reply).toMatch(/4,001 characters/);
    expect(reply).toMatch(/up to 4,000/);
  });

  it("is refused on the headless path (npm run draft, MCP draft_offer), offline model too", async () => {
    const plan = createPlanner(deps(offlineModel()));
    await expect(plan({ brief: LONG, today: TODAY, caller: marketer })).rejects.toThrow(/up to 4,000/);
  });

  it("at exactly the limit is planned as usual", async () => {
    const brief = `20% off for dealers in December, code DEALER20. ${" ".repeat(MAX_BRIEF_CHARS)}`.slice(0, MAX_BRIEF_CHARS);
    const plan = createPlanner(deps(offlineModel()));
    const out = await plan({ brief, today: TODAY, caller: marketer });
    expect(out.draft.promoCode).toBe("DEALER20");
    expect(out.draft.offerValue).toBe(20);
  });
});
