import { FakeListChatModel } from "@langchain/core/utils/testing";
import { Command } from "@langchain/langgraph";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDraft, type OfferDraft } from "@/agent/draft";
import { draftChecksInput } from "@/agent/draft-evaluation";
import { buildOfferGraph, turnInput } from "@/agent/graph";
import { chatDraftModel } from "@/agent/model";
import { createCheckpointer } from "@/db/checkpointer";
import { budgetSpend, discountCodes } from "@/db/schema";
import type { DemoCredentials } from "@/db/seed";
import { toolRunner } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import { previewDraftChecks } from "@/tools/offers/offer-check-tools";
import type { TestDatabase } from "./support/db";
import { createDemoDatabase } from "./support/demo";

// Issue 16: the copilot's commit re-checks with the checks panel's evaluation. December's tenant budget is
// spent to the cap while November's is not: the panel fails the December draft's budget, and the copilot
// refuses to commit it with the same sentence (it used to check November's headroom and save it).
process.env.LANGSMITH_TRACING = "false";

const NOW = new Date("2026-11-21T12:00:00Z");
const DEC: OfferDraft = {
  ...emptyDraft(), objective: "Holiday push", programType: "open_loop", offerType: "percentage_discount", offerValue: 20, maxDiscountUnit: "%",
  totalBudget: 5000, startDate: "2026-12-01", endDate: "2026-12-31", redemptionMethod: "promo_code", surface: "shopify",
  usageLimitPerCustomer: 1, title: "Holiday 20% off",
};

let t: TestDatabase;
let creds: DemoCredentials;
let admin: Caller;

beforeAll(async () => {
  ({ t, creds, admin } = await createDemoDatabase(NOW));
  await t.database.withTenant(creds.tenant_id, (tx) =>
    tx.insert(budgetSpend).values({ tenant_id: creds.tenant_id, scope: "tenant", scope_id: "month", period_start: "2026-12-01", spent_cents: 25_000_000 }));
});
afterAll(() => t?.cleanup());

/** One brief answered by the scripted draft, and a confirm when the copilot reaches review. */
async function confirm(d: OfferDraft) {
  const model = chatDraftModel(new FakeListChatModel({ responses: [JSON.stringify(d)] }));
  const graph = buildOfferGraph({ tools: toolRunner(t.database, () => NOW), model, now: () => NOW }, await createCheckpointer(t.database));
  const config = { configurable: { caller: admin, today: "2026-11-21", thread_id: crypto.randomUUID() } };
  const first = await graph.invoke(turnInput("brief"), config);
  const review = (first as { __interrupt__?: { value: unknown }[] }).__interrupt__?.[0]?.value;
  const done = review ? await graph.invoke(new Command({ resume: { action: "confirm" } }), config) : first;
  return { first, review, done };
}
const panel = (d: OfferDraft) => toolRunner(t.database, () => NOW)(previewDraftChecks, draftChecksInput(d), admin);
const codeRow = async (code: string) =>
  (await t.database.withTenant(creds.tenant_id, (tx) => tx.select().from(discountCodes).where(eq(discountCodes.promo_code, code))))[0];

describe("commit refuses what the checks panel shows failing", () => {
  it("a December offer is checked against December's spent budget, in the panel and at commit", async () => {
    const d = { ...DEC, promoCode: "HOLIDEC20" };
    const budget = (await panel(d)).checks.find((c) => c.id === "budget")!;
    expect(budget.state).toBe("fail");
    expect(budget.reasons[0].message).toBe("A total budget of $5,000.00 is more than the $0.00 left in December 2026");
    const { first, review } = await confirm(d);
    expect(review).toBeUndefined();
    expect(first.verdict!.issues.map((i) => i.message)).toEqual([budget.reasons[0].message]);
    expect(await codeRow("HOLIDEC20")).toBeUndefined();
  });

  it("the same offer in November fits November's headroom, and commits", async () => {
    const d = { ...DEC, promoCode: "HOLINOV20", startDate: "2026-11-22", endDate: "2026-11-30" };
    expect((await panel(d)).checks.find((c) => c.id === "budget")?.state).toBe("pass");
    const { review, done } = await confirm(d);
    expect(review).toBeDefined();
    expect(done.committed?.promoCode).toBe("HOLINOV20");
  });
});
