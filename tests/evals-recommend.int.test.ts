import { readFileSync } from "node:fs";
import path from "node:path";
import { HumanMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOfferGraph } from "@/agent/graph";
import { offlineModel } from "@/agent/model";
import { totalLimit } from "@/agent/recommend/propose";
import { createCheckpointer } from "@/db/checkpointer";
import { getCopilotFacts, toolRunner } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import type { TestDatabase } from "./support/db";
import { createDemoDatabase } from "./support/demo";

// Recommend evals (issue 15): a goal-only brief, then "what do you suggest?", run through the real graph on
// the demo tenant (policy 5%–25% on every surface, a monthly budget, a seeded year of history). Scored:
// the proposal is inside policy and headroom with no governance issue, the total limit is one the budget
// pays for, and the advice cites the tenant's history (the forecast comes from similar past offers).
process.env.LANGSMITH_TRACING = "false";

const CaseSchema = z.object({
  id: z.string(), tenant: z.literal("demo"), today: z.string(), brief: z.string().min(1), followUp: z.string().min(1),
}).strict();
const FILE = path.resolve(import.meta.dirname, "../evals/datasets/recommend.jsonl");
const cases = readFileSync(FILE, "utf8").split("\n").filter((l) => l.trim()).map((l) => CaseSchema.parse(JSON.parse(l)));
const NOW = new Date("2026-11-16T12:00:00Z");

let t: TestDatabase;
let marketer: Caller;

beforeAll(async () => { ({ t, marketer } = await createDemoDatabase(NOW)); });
afterAll(() => t?.cleanup());

describe("recommend evals", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const tools = toolRunner(t.database, () => NOW);
    const graph = buildOfferGraph({ tools, model: offlineModel(), now: () => NOW }, await createCheckpointer(t.database));
    const config = { configurable: { caller: marketer, today: c.today, thread_id: crypto.randomUUID() } };
    let replies = "";
    for (const say of [c.brief, c.followUp]) {
      const before = await graph.getState(config);
      await graph.invoke({ ...before.values, messages: [new HumanMessage(say)] } as Parameters<typeof graph.invoke>[0], config);
      replies += `${String((await graph.getState(config)).values.messages.at(-1)?.content ?? "")}\n`;
    }
    const state = (await graph.getState(config)).values;
    const d = state.draft!;
    const facts = await tools(getCopilotFacts, {}, marketer);
    const headroom = (facts.tenant_budget!.cap_cents - facts.tenant_budget!.spent_cents) / 100;
    // Inside policy and headroom, with no exceptions.
    expect(state.verdict!.issues.filter((i: { kind: string }) => i.kind === "governance")).toEqual([]);
    if (d.maxDiscountUnit === "%") expect(d.offerValue!).toBeGreaterThanOrEqual(5);
    if (d.maxDiscountUnit === "%") expect(d.offerValue!).toBeLessThanOrEqual(25);
    expect(d.totalBudget).not.toBeNull();
    expect(d.totalBudget!).toBeLessThanOrEqual(headroom);
    // The limits agree with the budget: a total limit never promises more than the budget pays.
    const limit = totalLimit(d);
    if (d.totalUsageLimit !== null && limit) expect(d.totalUsageLimit).toBeLessThanOrEqual(limit.count);
    expect(state.forecast!.discount_spend_cents).toBeLessThanOrEqual(d.totalBudget! * 100);
    // Cites history when there is history.
    expect(state.forecast).toMatchObject({ method: "history" });
    expect(replies).toMatch(/similar past offers? of yours/);
    expect(replies).toMatch(/Expectations come from your 36 past offers/);
    expect(replies).not.toMatch(/no offer history/);
  });
});
