import { describe, expect, it } from "vitest";
import { forecastSentence } from "@/agent/recommend/forecast";
import type { ForecastResult } from "@/tools/copilot";

// Issue 16 (money): the copilot's forecast line writes spend in the tenant's currency with its own minor
// digits — 125,000 minor units are $1,250 but ¥125,000 — never by dividing by 100.

const forecast = (currency: string): ForecastResult => ({
  currency, method: "benchmark", history_offers: 0, basis: [], expected_redemptions: 100, low_redemptions: 50, high_redemptions: 150,
  discount_spend_cents: 125_000, discount_per_redemption_cents: 1_250, budget_runs_out: null, curve: [], note: "",
});

describe("forecastSentence money", () => {
  it("writes the spend in whole units of the tenant's currency", () => {
    expect(forecastSentence(forecast("USD"))).toContain("$1,250 in discounts");
    expect(forecastSentence(forecast("JPY"))).toContain("¥125,000 in discounts");
    expect(forecastSentence(forecast("KWD"))).toContain("KWD\u00a0125 in discounts");
  });
});
