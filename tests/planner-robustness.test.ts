import { describe, expect, it } from "vitest";
import { planOffline } from "@/agent/planner";

// Issue 15's robustness classes for the offline planner: quarter words as context, spoken and form
// budgets, "Exp", ranges, group audiences, cash back, cents off, code forms, "tonight", online only.

const today = "2026-11-16";
const plan = (brief: string) => planOffline(brief, { today });

describe("the flagship brief", () => {
  const { draft, notes } = plan("Q4 push for our dealers: 20% off all equipment Dec 1 to Dec 31, code DEALER20, budget $50k");

  it("fills every field it states; the quarter is the push's context, not a second start date", () => {
    expect(draft).toMatchObject({
      objective: "Q4 push for our dealers", programType: "closed_loop", offerType: "percentage_discount", offerValue: 20,
      startDate: "2026-12-01", endDate: "2026-12-31", promoCode: "DEALER20", totalBudget: 50000,
      targetAudience: ["dealers"], productScope: "all equipment",
    });
    expect(notes.join(" ")).not.toMatch(/several start dates/);
  });

  it("still reads a quarter on its own as the quarter's dates", () => {
    expect(plan("Q1 sale: 10% off for members").draft).toMatchObject({ startDate: "2027-01-01", endDate: "2027-03-31" });
  });
});

describe("robustness classes", () => {
  it.each([
    ["budget's fifty K, 20% off for members", { totalBudget: 50000 }],
    ["thirty thousand to spend on 10% off", { totalBudget: 30000 }],
    ["Budget? A: $6,000\nOffer: 15% off", { totalBudget: 6000 }],
    ["two and a half thousand dollars budget, 10% off", { totalBudget: 2500 }],
    ["half a million to spend on 5% cash back", { totalBudget: 500000, offerType: "cashback" }],
    ["15% off sitewide. Exp 12/10", { endDate: "2026-12-10" }],
    ["20% off between December 3 and December 20", { startDate: "2026-12-03", endDate: "2026-12-20" }],
    ["10% off from the first to the thirtieth of December", { startDate: "2026-12-01", endDate: "2026-12-30" }],
    ["Student discount: 10% off textbooks", { targetAudience: ["students"] }],
    ["New-customer offer: $10 off", { targetAudience: ["new customers"], programType: "open_loop" }],
    ["$5 cash back for subscribers", { offerType: "cashback", offerValue: 5, maxDiscountUnit: "$" }],
    ["save $0.55 on any box of cereal", { offerType: "fixed_discount", offerValue: 0.55 }],
    ["55 cents off one jar", { offerType: "fixed_discount", offerValue: 0.55 }],
    ["Coupon: 75¢ off", { offerType: "fixed_discount", offerValue: 0.75 }],
    ["use code FALL10 for 10% off", { promoCode: "FALL10", redemptionMethod: "promo_code" }],
    ["code: WINTER5 for 5% off", { promoCode: "WINTER5" }],
    ["20% off, ends tonight", { endDate: today }],
    ["Online only: 15% off jackets", { redemptionMethod: "online_link" }],
    ["5% cash back to cardholders in December", { startDate: "2026-12-01", endDate: "2026-12-31" }],
  ] as const)("%s", (brief, expected) => {
    expect(plan(brief).draft).toMatchObject(expected);
  });

  it("does not read a first order as a product range", () => {
    expect(plan("$10 off your first order").draft.productScope).toBeNull();
  });
});
