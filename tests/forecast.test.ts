import { describe, expect, it } from "vitest";
import { backtestForecast, type ForecastDraft, forecastOffer, type PastOffer, stretch } from "@/core/offers/forecast";
import { demoHistory } from "@/db/seed-history";

// The pre-launch forecast: similar past offers first, benchmarks otherwise; limits and the budget stop the
// curve where the redeem path would. The back-test runs on the demo tenant's seeded history.

const bench = { rate: 0.05, reach: 2000, label: "online coupons, low end", typicalOrderCents: 40_000 };
const past = (id: string, surface: string, daily: number[]): PastOffer => ({
  id, programType: "closed_loop", audience: ["dealers"], surface, discountType: "percentage",
  startDate: "2026-01-01", endDate: "2026-01-10", daily, discountPerRedemptionCents: 5_000,
});
const draft = (over: Partial<ForecastDraft> = {}): ForecastDraft => ({
  programType: "closed_loop", audience: ["dealers"], surface: "shopify", discountType: "percentage",
  value: 20, unit: "%", startDate: "2026-12-01", endDate: "2026-12-20",
  totalBudgetCents: null, totalUsageLimit: null, minimumSpendCents: null, ...over,
});

describe("forecastOffer", () => {
  it("stretches a curve onto more days at the same daily pace", () => {
    expect(stretch([2, 2, 2], 6)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(stretch([4, 0], 4).reduce((a, b) => a + b, 0)).toBeCloseTo(8);
  });

  it("scales the similar offers' average curve and bands it by their spread", () => {
    const history = [past("a", "shopify", new Array(10).fill(2)), past("b", "shopify", new Array(10).fill(4)),
      past("c", "hub", new Array(10).fill(50))];
    const f = forecastOffer(draft(), history, bench);
    expect(f.method).toBe("history");
    expect(f.basis).toEqual(["a", "b"]);
    expect(f.expectedRedemptions).toBe(60);
    expect([f.lowRedemptions, f.highRedemptions]).toEqual([40, 80]);
    expect(f.discountPerRedemptionCents).toBe(8_000);
    expect(f.discountSpendCents).toBe(480_000);
    expect(f.curve).toHaveLength(20);
    expect(f.curve.at(-1)).toMatchObject({ date: "2026-12-20", spendCents: 480_000, lowCents: 320_000, highCents: 640_000 });
    expect(f.budgetRunsOut).toBeNull();
    expect(f.note).toMatch(/2 similar past offers/);
  });

  it("says when the budget runs out and stops the curve there", () => {
    const f = forecastOffer(draft({ totalBudgetCents: 200_000 }), [past("a", "shopify", new Array(10).fill(3))], bench);
    expect(f.budgetRunsOut).toBe("2026-12-09");
    expect(f.expectedRedemptions).toBe(25);
    expect(f.curve.at(-1)!.spendCents).toBe(200_000);
  });

  it("stops at the total usage limit", () => {
    const f = forecastOffer(draft({ totalUsageLimit: 10 }), [past("a", "shopify", new Array(10).fill(3))], bench);
    expect(f.expectedRedemptions).toBe(10);
  });

  it("uses the cited benchmark rate with a ±50% band when there is no history", () => {
    const f = forecastOffer(draft({ unit: "$", value: 1_000 }), [], bench);
    expect(f.method).toBe("benchmark");
    expect([f.lowRedemptions, f.expectedRedemptions, f.highRedemptions]).toEqual([50, 100, 150]);
    expect(f.discountSpendCents).toBe(100_000);
    expect(f.note).toMatch(/5\.0% \(online coupons, low end\) of 2,000/);
  });
});

describe("back-test on the demo tenant's seeded history", () => {
  it("forecasts each past offer from the others and reports the error", () => {
    const history = demoHistory(new Date("2026-11-21T12:00:00Z")).map((h): PastOffer => ({
      id: h.key, programType: h.closedLoop ? "closed_loop" : null, audience: h.audience, surface: h.surface,
      discountType: h.unit === "%" ? "percentage" : "fixed", startDate: h.startDate, endDate: h.endDate,
      daily: Array.from({ length: Math.round((Date.parse(h.endDate) - Date.parse(h.startDate)) / 86_400_000) + 1 },
        (_, d) => h.redemptions.filter((r) => r.day === d).length),
      discountPerRedemptionCents: Math.round(h.redemptions.reduce((a, r) => a + r.discountCents, 0) / Math.max(1, h.redemptions.length)),
    }));
    const { mape, offers } = backtestForecast(history, bench);
    console.log(`forecast back-test: MAPE of total redemptions ${(mape * 100).toFixed(1)}% over ${offers} offers`);
    expect(offers).toBeGreaterThan(0);
    expect(Number.isFinite(mape)).toBe(true);
  });
});
