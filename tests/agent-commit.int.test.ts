import { FakeListChatModel } from "@langchain/core/utils/testing";
import { Command } from "@langchain/langgraph";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckpointer } from "@/db/checkpointer";
import { toolRunner } from "@/tools/copilot";
import { emptyDraft, type OfferDraft } from "@/agent/draft";
import { buildOfferGraph, turnInput } from "@/agent/graph";
import { chatDraftModel } from "@/agent/model";
import { campaignOffers, discountCodes, offerDescriptives, offers, programCampaigns } from "@/db/schema";
import type { DemoCredentials } from "@/db/seed";
import type { Caller } from "@/tools/context";
import type { TestDatabase } from "./support/db";
import { createDemoDatabase } from "./support/demo";

// The agent's commit: offer + copy + campaign link + governed code in one create_offer transaction
// (a failure anywhere saves nothing), and free-shipping and BOGO offers with a promo code, where
// validation and commit agree through the core's one offer → code mapping.
process.env.LANGSMITH_TRACING = "false";

const NOW = new Date("2026-11-21T12:00:00Z");
const BASE: OfferDraft = {
  ...emptyDraft(), objective: "Holiday push", programType: "open_loop", offerType: "percentage_discount", offerValue: 20, maxDiscountUnit: "%",
  totalBudget: 50000, startDate: "2026-12-01", endDate: "2026-12-31", redemptionMethod: "promo_code", surface: "shopify",
};

let t: TestDatabase;
let creds: DemoCredentials;
let admin: Caller;
let marketer: Caller;

beforeAll(async () => {
  ({ t, creds, admin, marketer } = await createDemoDatabase(NOW));
  // A failure injected at the last write of the commit (the code insert), to prove nothing before it stays.
  await t.database.runScript(`
    create function oc_test_fail_code() returns trigger language plpgsql as $$
    begin if new.promo_code = 'BOOM20' then raise exception 'injected failure'; end if; return new; end $$;
    create trigger oc_test_fail_code before insert on discount_codes for each row execute function oc_test_fail_code();`);
});
afterAll(() => t?.cleanup());

/** One brief (answered by the scripted draft) and a confirm; returns the review and the final state. */
async function confirm(d: OfferDraft, caller: Caller = admin, extra: Record<string, unknown> = {}) {
  const model = chatDraftModel(new FakeListChatModel({ responses: [JSON.stringify(d)] }));
  const graph = buildOfferGraph({ tools: toolRunner(t.database, () => NOW), model, now: () => NOW }, await createCheckpointer(t.database));
  const config = { configurable: { caller, today: "2026-11-21", thread_id: crypto.randomUUID(), ...extra } };
  const first = await graph.invoke(turnInput("brief"), config);
  const review = (first as any).__interrupt__?.[0]?.value;
  const done = review ? await graph.invoke(new Command({ resume: { action: "confirm" } }), config) : first;
  return { first, review, done };
}
const db = <T>(fn: Parameters<typeof t.database.withTenant<T>>[1]) => t.database.withTenant(creds.tenant_id, fn);
const campaignsNamed = (name: string) => db((tx) => tx.select().from(programCampaigns).where(eq(programCampaigns.campaign_name, name)));
const codeRow = async (code: string) => (await db((tx) => tx.select().from(discountCodes).where(eq(discountCodes.promo_code, code))))[0];

describe("commit links a campaign in the same transaction", () => {
  it("creates a campaign from the draft (title, dates, budget) and records its id", async () => {
    const { done } = await confirm({ ...BASE, title: "Dealer days", promoCode: "DAYS20" });
    expect(done.committed?.campaignId).toBeTruthy();
    const [camp] = await campaignsNamed("Dealer days");
    expect(camp).toMatchObject({ campaign_id: done.committed!.campaignId, start_date: "2026-12-01", end_date: "2026-12-31", budget_cents: 5_000_000 });
    const links = await db((tx) => tx.select().from(campaignOffers).where(eq(campaignOffers.offer_id, done.committed!.offerId)));
    expect(links.map((l) => l.campaign_id)).toEqual([camp.campaign_id]);
    // The objective the copilot read stays on the saved offer.
    const [offer] = await db((tx) => tx.select({ objective: offers.objective }).from(offers).where(eq(offers.offer_id, done.committed!.offerId)));
    expect(offer.objective).toBe("Holiday push");
  });

  it("links the campaign chosen in the run config instead of creating one", async () => {
    const [chosen] = await db((tx) => tx.insert(programCampaigns).values({ tenant_id: creds.tenant_id, campaign_name: "Chosen" }).returning());
    const { done } = await confirm({ ...BASE, title: "Picked campaign", promoCode: "PICK20" }, admin, { campaignId: chosen.campaign_id });
    expect(done.committed?.campaignId).toBe(chosen.campaign_id);
    expect(await campaignsNamed("Picked campaign")).toEqual([]);
  });

  it("gives a marketer's campaign no budget (budgets are an admin's call); the offer keeps it", async () => {
    const { done } = await confirm({ ...BASE, title: "Marketer push", promoCode: "MKTPUSH20" }, marketer);
    expect(done.committed?.offerStatus).toBe("draft");
    const [camp] = await campaignsNamed("Marketer push");
    expect(camp).toMatchObject({ campaign_id: done.committed!.campaignId, budget_cents: null });
  });

  it("a failure at the code rolls back offer, copy and campaign together", async () => {
    const { review, done } = await confirm({ ...BASE, title: "Doomed offer", promoCode: "BOOM20" });
    expect(review?.validation.ok).toBe(true);
    expect(done.committed).toBeNull();
    expect(done.error).toMatch(/^Nothing was saved/);
    expect(await campaignsNamed("Doomed offer")).toEqual([]);
    expect(await db((tx) => tx.select().from(offerDescriptives).where(eq(offerDescriptives.short_text, "Doomed offer")))).toEqual([]);
    expect(await codeRow("BOOM20")).toBeUndefined();
  });
});

describe("free-shipping and BOGO offers with a promo code", () => {
  it("commits a free-shipping offer with code SHIPFREE as a governed free_shipping code", async () => {
    const ship = { ...BASE, offerType: "free_shipping" as const, offerValue: null, maxDiscountUnit: null, title: "Free shipping week", promoCode: "SHIPFREE" };
    const { review, done } = await confirm(ship);
    expect(review?.validation.ok).toBe(true);
    expect(done.committed?.promoCode).toBe("SHIPFREE");
    expect(await codeRow("SHIPFREE")).toMatchObject({ discount_type: "free_shipping", value: 0, status: "active", offer_id: done.committed!.offerId });
  });

  it("commits a BOGO at 50% off the second item as 25% of the pair", async () => {
    const { review, done } = await confirm({ ...BASE, offerType: "bogo", offerValue: 50, title: "Pair deal", promoCode: "PAIR50" });
    expect(review?.validation.ok).toBe(true);
    expect(await codeRow("PAIR50")).toMatchObject({ discount_type: "percentage", value: 25, offer_id: done.committed!.offerId });
  });

  it("refuses a BOGO-free (50% of the pair) at validation with the reason commit would give, and saves nothing", async () => {
    const { first, review } = await confirm({ ...BASE, offerType: "bogo", offerValue: 100, title: "Free second", promoCode: "FREE2ND" });
    expect(review).toBeUndefined();
    expect(first.verdict!.issues.map((i) => i.code)).toContain("policy_violation");
    expect(first.verdict!.issues[0].message).toMatch(/at most 25% — 50%/);
    expect(first.verdict!.alternative).toMatchObject({ patch: { offerValue: 50 }, message: expect.stringMatching(/50% off the second item/) });
    expect(await codeRow("FREE2ND")).toBeUndefined();
  });
});
