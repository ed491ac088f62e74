import { HumanMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOfferGraph } from "@/agent/graph";
import { offlineModel } from "@/agent/model";
import { createCheckpointer } from "@/db/checkpointer";
import { toolRunner } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import type { TestDatabase } from "./support/db";
import { createDemoDatabase } from "./support/demo";

// Issue 16: when the copilot offers a fix in the chat ("Did you mean Dec 10 → Dec 20?", "use 25%?"), replying
// "yes" applies it, as the panel's button does; a "yes" to nothing offered changes nothing. Offline planner,
// real graph and checkpointer, driven as CopilotKit drives it (the thread's values go in with each message).
process.env.LANGSMITH_TRACING = "false";

const NOW = new Date("2026-11-21T12:00:00Z");
const BRIEF = "20% off for dealers on shopify, code DEALS20, budget $5,000, limit 1 per customer";
let t: TestDatabase;
let admin: Caller;

beforeAll(async () => { ({ t, admin } = await createDemoDatabase(NOW)); });
afterAll(() => t?.cleanup());

/** A new conversation; say() sends one message and returns the state after it. */
async function conversation() {
  const graph = buildOfferGraph({ tools: toolRunner(t.database, () => NOW), model: offlineModel(), now: () => NOW }, await createCheckpointer(t.database));
  const config = { configurable: { caller: admin, today: "2026-11-21", thread_id: crypto.randomUUID() } };
  return async (text: string) => {
    const before = await graph.getState(config);
    const state = await graph.invoke({ ...before.values, messages: [new HumanMessage(text)] } as Parameters<typeof graph.invoke>[0], config);
    return { state, reply: String(state.messages.at(-1)?.content ?? "") };
  };
}

describe("yes to the fix the copilot offered", () => {
  it("swaps a reversed range the copilot asked about", async () => {
    const say = await conversation();
    const asked = await say(`${BRIEF}, from Dec 20 to Dec 10`);
    expect(asked.state.draft).toMatchObject({ startDate: "2026-12-20", endDate: "2026-12-10" });
    expect(asked.reply).toContain("Did you mean Dec 10, 2026 → Dec 20, 2026?");
    const yes = await say("yes");
    expect(yes.state.draft).toMatchObject({ startDate: "2026-12-10", endDate: "2026-12-20" });
    expect(yes.state.verdict?.questions.map((q) => q.field)).not.toContain("endDate");
    expect(yes.reply).toMatch(/start date → Dec 10, 2026; end date → Dec 20, 2026/);
  });

  it("takes a refusal's nearest compliant value", async () => {
    const say = await conversation();
    const refused = await say("90% off for dealers on shopify, code DEALS90, budget $5,000, limit 1 per customer, Dec 1 to Dec 31");
    expect(refused.state.verdict?.alternative?.patch.offerValue).toBe(25);
    const yes = await say("Yes please");
    expect(yes.state.draft?.offerValue).toBe(25);
    expect(yes.state.verdict?.issues.map((i) => i.code)).not.toContain("policy_violation");
  });

  it("changes nothing on a yes when no fix was offered, or a no to the swap", async () => {
    const say = await conversation();
    const open = await say(`${BRIEF}, from Dec 1`);
    expect(open.state.verdict?.alternative).toBeNull();
    expect((await say("yes")).state.draft).toEqual(open.state.draft);
    const asked = await say("ends Nov 30");
    expect(asked.state.draft).toMatchObject({ startDate: "2026-12-01", endDate: "2026-11-30" });
    expect((await say("no")).state.draft).toMatchObject({ startDate: "2026-12-01", endDate: "2026-11-30" });
  });
});
