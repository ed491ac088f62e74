import { describe, expect, it } from "vitest";
import { planOffline } from "@/agent/planner";
import { findAudience, findProgramType } from "@/agent/planner/audience";
import { findCodes } from "@/agent/planner/codes";
import { digitizeWords, findMoney, findPercents, parseAmount, parseNumber, wordsToNumber } from "@/agent/planner/numbers";
import { findMerchant, findProductScope } from "@/agent/planner/scope";

// The small extractors on their own, plus the planner fields they feed.

const today = "2026-11-21";
const draft = (brief: string) => planOffline(brief, { today }).draft;

describe("numbers, money and percentages", () => {
  it.each([
    ["$50k", 50000, "USD"],
    ["50,000 USD", 50000, "USD"],
    ["£40", 40, "GBP"],
    ["€1.5k", 1500, "EUR"],
    ["1.2 million", 1200000, null],
    ["$2M", 2000000, "USD"],
    ["40 grand", 40000, null],
    ["75 euros", 75, "EUR"],
  ] as const)("%s", (raw, value, currency) => {
    expect(parseAmount(raw)).toEqual({ value, currency });
  });

  it("refuses European decimal commas instead of guessing", () => {
    expect(parseNumber("1,5")).toBeNull();
    expect(parseNumber("1,500")).toBe(1500);
  });

  it("spells number words as digits", () => {
    expect(wordsToNumber("twenty five")).toBe(25);
    expect(wordsToNumber("two thousand five hundred")).toBe(2500);
    expect(wordsToNumber("a thousand")).toBe(1000);
    expect(digitizeWords("twenty percent off, limit three uses per person")).toBe("20 percent off, limit 3 uses per person");
    expect(digitizeWords("anyone can join a promotion")).toBe("anyone can join a promotion");
    expect(digitizeWords("code ONE")).toBe("code ONE");
  });

  it("finds percents in every spelling and money with positions", () => {
    expect(findPercents("20 pct, 15%, 12 percent, 5 per cent").map((p) => p.value)).toEqual([20, 15, 12, 5]);
    expect(findMoney("save £5 on £30").map((m) => [m.value, m.currency, m.index])).toEqual([[5, "GBP", 5], [30, "GBP", 11]]);
  });

  it("budget, minimum spend and value stay apart", () => {
    expect(draft("$10 off your $50+ order, $50k budget")).toMatchObject({ offerValue: 10, minimumSpend: 50, totalBudget: 50000 });
    expect(draft("15% off on orders over $75, budget of 1.2 million")).toMatchObject({ offerValue: 15, minimumSpend: 75, totalBudget: 1200000 });
    expect(draft("spend $100, get $20 off")).toMatchObject({ offerValue: 20, minimumSpend: 100 });
    expect(draft("twenty percent off")).toMatchObject({ offerValue: 20, maxDiscountUnit: "%" });
    expect(draft("half off all mugs")).toMatchObject({ offerValue: 50, productScope: "all mugs" });
  });

  it("mixed currencies leave currency empty", () => {
    const r = planOffline("£10 off, budget $5k", { today });
    expect(r.draft.currency).toBeNull();
    expect(r.notes.join(" ")).toMatch(/currencies/);
  });
});

describe("promo codes", () => {
  it.each([
    ["promo code DEALER20", "DEALER20"],
    ["promo code: fall10", "FALL10"],
    ["use FALL10 at checkout", "FALL10"],
    ["change the code to XMAS15", "XMAS15"],
    ['enter "SPRING25" when you pay', "SPRING25"],
    ["coupon code TODAY25", "TODAY25"],
  ])("%s", (text, code) => {
    expect(findCodes(text).map((c) => c.code)).toEqual([code]);
  });

  it("words after 'code' are not codes", () => {
    expect(findCodes("apply the code at checkout")).toEqual([]);
    expect(findCodes("no code needed, codes will be generated")).toEqual([]);
    expect(findCodes("scan the QR code for details")).toEqual([]);
  });

  it("a code's digits never become the discount", () => {
    expect(draft("code SAVE30 for members")).toMatchObject({ promoCode: "SAVE30", offerValue: null, redemptionMethod: "promo_code" });
  });

  it("two codes without a correction are ambiguous", () => {
    expect(draft("codes ALPHA1 and BETA2").promoCode).toBeNull();
    expect(draft("change the code from ALPHA1 to BETA2").promoCode).toBe("BETA2");
  });
});

describe("limits", () => {
  it.each([
    ["3 per customer", 3, null],
    ["limit three uses per person", 3, null],
    ["once per member", 1, null],
    ["2/cust, 1k total", 2, 1000],
    ["each shopper can use it twice", 2, null],
    ["single-use codes", 1, null],
    ["1000 total redemptions", null, 1000],
    ["first 500 customers", null, 500],
    ["capped at 2,000 uses", null, 2000],
    ["1 per household, 750 redemptions", 1, 750],
  ] as const)("%s", (text, per, total) => {
    const d = draft(text);
    expect([d.usageLimitPerCustomer, d.totalUsageLimit]).toEqual([per, total]);
  });

  it("form lines do not borrow numbers from the line above", () => {
    const d = draft("End: 01/31/2027\nTotal redemptions: 5000\nPer customer: 2");
    expect([d.usageLimitPerCustomer, d.totalUsageLimit, d.endDate]).toEqual([2, 5000, "2027-01-31"]);
  });

  it("a percentage per customer is not a limit", () => {
    expect(draft("20% off per customer").usageLimitPerCustomer).toBeNull();
  });
});

describe("audience and program type", () => {
  it("names segments in the brief's words, lower-case", () => {
    expect(findAudience("for our dealers")).toEqual(["dealers"]);
    expect(findAudience("Loyalty members and college students")).toEqual(["loyalty members", "college students"]);
    expect(findAudience("military and veterans")).toEqual(["military", "veterans"]);
    expect(findAudience("a dealer promo")).toEqual(["dealers"]);
    expect(findAudience("3 per customer")).toBeNull();
  });

  it.each([
    ["for our dealers", "closed_loop"],
    ["members only", "closed_loop"],
    ["upload our member list", "closed_loop"],
    ["open to the public", "open_loop"],
    ["everyone on the marketplace", "open_loop"],
    ["our members plus the general public", "hybrid"],
    ["for students", null],
  ] as const)("%s → %s", (text, type) => {
    expect(findProgramType(text, findAudience(text))).toBe(type);
  });
});

describe("redemption, surface, channels", () => {
  it.each([
    ["promo code SAVE10", "promo_code"],
    ["show this at the counter", "show_save"],
    ["show your badge in store", "show_save"],
    ["scan the barcode at the register", "barcode"],
    ["click to activate", "online_link"],
    ["shop through our link", "online_link"],
    ["10% off", null],
  ] as const)("%s → %s", (text, method) => {
    expect(draft(text).redemptionMethod).toBe(method);
  });

  it("surface and channels follow the words", () => {
    expect(draft("on our Shopify store, code SHOP5")).toMatchObject({ surface: "shopify", distributionChannels: ["promo_code_redemption"] });
    expect(draft("list it on the Wix site").surface).toBe("wix");
    expect(draft("10% off").distributionChannels).toBeNull();
  });
});

describe("product scope and merchant", () => {
  it("reads what the discount covers", () => {
    expect(findProductScope("20% off all equipment purchases")).toBe("all equipment");
    expect(findProductScope("15% off sitewide")).toBe("sitewide");
    expect(findProductScope("$10 off your order")).toBeNull();
    expect(findProductScope("20% off for members")).toBeNull();
  });

  it("names a merchant only when the brief does", () => {
    expect(findMerchant("Merchant: Joe's Pizza")).toBe("Joe's Pizza");
    expect(findMerchant("10% off at Acme Outfitters stores")).toBe("Acme Outfitters");
    expect(findMerchant("10% off at checkout")).toBeNull();
  });
});
