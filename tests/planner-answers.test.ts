import { describe, expect, it } from "vitest";
import { planOffline } from "@/agent/planner";
import { answerInContext, ASKS_FOR_SUGGESTION, suggestionsFor } from "@/agent/planner/answers";
import { describeTarget, measurableTarget } from "@/agent/planner/objective";

// Answers read in the context of the question that was asked, and the measurable target of an objective.

const today = "2026-11-16";
const base = planOffline("20% off for members on shopify, Dec 1 to Dec 31, code MEMBER20", { today }).draft;
const answer = (field: string, say: string, offerType: string | null = "percentage_discount") =>
  planOffline(answerInContext({ field, offerType }, say), { today, previous: base }).draft;

describe("answers to the agent's question", () => {
  it.each(["$5,000", "$5000", "5000", "five thousand", "5k"])("%s answers the budget question", (say) => {
    expect(answer("totalBudget", say).totalBudget).toBe(5000);
  });

  it("reads a bare number as the value in the unit the offer kind implies", () => {
    expect(answerInContext({ field: "offerValue", offerType: "fixed_discount" }, "10")).toBe("$10 off");
    expect(answerInContext({ field: "offerValue", offerType: "percentage_discount" }, "15")).toBe("15% off");
    expect(answerInContext({ field: "offerValue", offerType: "bogo" }, "free")).toBe("buy one get one 100% off");
  });

  it("reads dates as the side that was asked", () => {
    expect(answer("startDate", "Dec 3").startDate).toBe("2026-12-03");
    expect(answer("endDate", "Dec 20").endDate).toBe("2026-12-20");
  });

  it("reads the offered options by name", () => {
    expect(answer("redemptionMethod", "online link").redemptionMethod).toBe("online_link");
    expect(answer("redemptionMethod", "show and save").redemptionMethod).toBe("show_save");
    expect(planOffline(answerInContext({ field: "offerType" }, "a percentage off"), { today }).draft.offerType).toBe("percentage_discount");
  });

  it("leaves long messages and messages that name their field alone", () => {
    expect(answerInContext({ field: "totalBudget" }, "budget 5000")).toBe("budget 5000");
    expect(answerInContext(null, "5000")).toBe("5000");
    const long = "Actually, let us rethink the whole thing and make it a members-only offer for the spring instead";
    expect(answerInContext({ field: "totalBudget" }, long)).toBe(long);
  });

  it("knows a request for a suggestion", () => {
    expect(ASKS_FOR_SUGGESTION.test("what do you suggest?")).toBe(true);
    expect(ASKS_FOR_SUGGESTION.test("you decide")).toBe(true);
    expect(ASKS_FOR_SUGGESTION.test("5000")).toBe(false);
  });
});

describe("one-click answers", () => {
  it("are answers the planner reads as the asked field", () => {
    const read = (field: string, say: string) => planOffline(answerInContext({ field, offerType: "percentage_discount" }, say), { today, previous: base }).draft;
    expect(suggestionsFor("startDate").map((s) => read("startDate", s).startDate)).toEqual(["2026-11-16", "2026-11-17", "2026-11-23"]);
    expect(suggestionsFor("redemptionMethod").map((s) => read("redemptionMethod", s).redemptionMethod))
      .toEqual(["promo_code", "online_link", "show_save", "barcode"]);
    expect(suggestionsFor("totalBudget").slice(0, 3).map((s) => read("totalBudget", s).totalBudget)).toEqual([5000, 10000, 25000]);
  });

  it("offer the surfaces the question lists", () => {
    expect(suggestionsFor("surface", "Where will customers redeem it: hub, marketplace, shopify?")).toEqual(["hub", "marketplace", "shopify"]);
  });
});

describe("measurable targets", () => {
  it.each([
    ["Increase Q4 sales by 20%", "Q4 sales +20%"],
    ["grow Q4 dealer sales 20%", "Q4 dealer sales +20%"],
    ["reduce churn by 5 percent", "churn −5%"],
    ["get 500 new sign-ups", "new sign-ups +500"],
    ["raise revenue to $1,000,000", "revenue to $1,000,000"],
  ])("%s → %s", (objective, described) => {
    const t = measurableTarget(objective);
    expect(t && describeTarget(t)).toBe(described);
  });

  it("is null when the objective names no number", () => {
    expect(measurableTarget("Q4 push for our dealers")).toBeNull();
    expect(measurableTarget(null)).toBeNull();
  });
});
