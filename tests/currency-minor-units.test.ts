import { describe, expect, it } from "vitest";
import { createOfferInput } from "@/agent/nodes/commit";
import { currencyMismatch, formatMoney, fromMinorUnits, minorPerMajor, toMinorUnits } from "@/core/offers/money";

// Issue 10 door 10: `_cents` fields are the tenant currency's ISO 4217 minor units, and a draft in
// another currency is a question, never a conversion. Pure functions only.

describe("ISO 4217 minor units", () => {
  it("follows each currency's exponent: JPY 0, USD 2, KWD 3", () => {
    expect([minorPerMajor("JPY"), minorPerMajor("USD"), minorPerMajor("KWD"), minorPerMajor("EUR")]).toEqual([1, 100, 1000, 100]);
    expect(toMinorUnits(500, "JPY")).toBe(500);
    expect(toMinorUnits(5, "USD")).toBe(500);
    expect(toMinorUnits(5.5, "KWD")).toBe(5500);
    expect(toMinorUnits(0.015, "USD")).toBe(2);
    expect(fromMinorUnits(123_456, "USD")).toBe(1234.56);
    expect(formatMoney(500, "JPY")).toBe("¥500");
  });

  it("asks when the draft's currency is not the tenant's, and is silent when it is or is unstated", () => {
    expect(currencyMismatch("EUR", "USD")).toBe("The brief gives amounts in EUR, but this account works in USD: what are the amounts in USD?");
    expect(currencyMismatch("usd", "USD")).toBeNull();
    expect(currencyMismatch(null, "JPY")).toBeNull();
  });

  it("commit's create_offer body reads draft amounts in the tenant's currency", () => {
    const draft = { offerType: "percentage_discount", offerValue: 10, maxDiscountUnit: "%", totalBudget: 100_000, minimumSpend: 30 } as never;
    const choice = { campaignId: null, withBudget: true };
    expect(createOfferInput(draft, false, choice, "JPY")).toMatchObject({ total_budget_cents: 100_000, minimum_spend_cents: 30, campaign: { budget_cents: 100_000 } });
    expect(createOfferInput(draft, false, choice, "USD")).toMatchObject({ total_budget_cents: 10_000_000, minimum_spend_cents: 3000 });
  });
});
