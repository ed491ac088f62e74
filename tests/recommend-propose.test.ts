import { describe, expect, it } from "vitest";
import { emptyDraft, type OfferDraft } from "@/agent/draft";
import type { TenantFacts } from "@/agent/facts";
import { proposeOffer, totalLimit } from "@/agent/recommend/propose";
import benchmarks from "@/agent/recommend/benchmarks.json";

// The proposal behind "what do you suggest?": inside the policy range and budget headroom, with a
// total limit the budget pays for, and benchmark rates that name their sources.

const draft = (over: Partial<OfferDraft>): OfferDraft => ({ ...emptyDraft(), ...over });
const facts = {
  currency: "USD",
  policies: [
    { surface: "shopify", enabled: true, min_percent: 5, max_percent: 25 },
    { surface: "hub", enabled: true, min_percent: 10, max_percent: 20 },
  ],
  tenantBudget: { cap_cents: 25_000_000, spent_cents: 5_000_000 },
} as unknown as TenantFacts;

describe("proposeOffer", () => {
  it("proposes a value inside the surface's policy range, dates and a budget inside headroom", () => {
    const { patch, reasons } = proposeOffer(draft({ surface: "shopify" }), facts, "2026-11-16");
    expect(patch).toMatchObject({ offerType: "percentage_discount", offerValue: 15, startDate: "2026-11-17", endDate: "2026-12-14" });
    expect(patch.totalBudget).toBe(20_000);
    expect(reasons.join(" ")).toMatch(/5%–25%/);
    expect(reasons.at(-1)).toMatch(/no offer history/);
  });

  it("stays inside the tightest range when no surface is chosen", () => {
    const { patch } = proposeOffer(draft({}), facts, "2026-11-16");
    expect(patch.offerValue).toBeGreaterThanOrEqual(10);
    expect(patch.offerValue).toBeLessThanOrEqual(20);
  });

  it("keeps what the marketer stated", () => {
    const { patch } = proposeOffer(draft({ offerType: "fixed_discount", offerValue: 10, maxDiscountUnit: "$", totalBudget: 5000 }), facts, "2026-11-16");
    expect(patch.offerType).toBeUndefined();
    expect(patch.offerValue).toBeUndefined();
    expect(patch.totalUsageLimit).toBe(500);
  });
});

describe("totalLimit", () => {
  it("is the budget divided by what one redemption costs (issue 15's example: $50k at 20% of $400 → 625)", () => {
    const limit = totalLimit(draft({ totalBudget: 50_000, offerValue: 20, maxDiscountUnit: "%", minimumSpend: 400 }));
    expect(limit?.count).toBe(625);
  });

  it("is unknown for a percentage with no order value", () => {
    expect(totalLimit(draft({ totalBudget: 50_000, offerValue: 20, maxDiscountUnit: "%" }))).toBeNull();
  });
});

describe("benchmarks.json", () => {
  it("cites a source for every rate", () => {
    expect(benchmarks.redemption_rates.length).toBeGreaterThan(0);
    for (const r of benchmarks.redemption_rates) expect(Object.keys(benchmarks.sources)).toContain(r.source);
  });
});
