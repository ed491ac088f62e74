import { describe, expect, it } from "vitest";
import type { PolicyFacts } from "@/core/governance";
import { type CheckFacts, evaluateOffer, type OfferUnderCheck } from "@/core/offers/evaluate";
import { blockedByChange, offerHealth, type HealthFacts, type OfferHealthInput } from "@/core/offers/health";
import { formatMoney } from "@/core/offers/money";
import { extractDates } from "@/agent/planner/dates";

// Issue 16 item 7: the one draft/offer evaluation tells the truth about every case that used to pass,
// and offer health says whether an offer can redeem right now (CONTRACT §9).

const NOW = new Date("2026-11-20T12:00:00Z");
const policy: PolicyFacts = {
  surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null,
  kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 86_400, enabled: true,
};
const facts = (over: Partial<CheckFacts> = {}): CheckFacts => ({
  policies: [policy], snapshots: [{ kpi: "profit", surface: "", value: 10, observed_at: NOW }],
  budget: { cap_cents: 25_000_000, period: "month", spent: {} }, currency: "USD", today: "2026-11-20", now: NOW, ...over,
});
const draft = (over: Partial<OfferUnderCheck> = {}): OfferUnderCheck => ({
  kind: "draft", offerType: "percentage_discount", offerValue: 20, unit: "%", surfaces: ["shopify"], minimumSpendCents: null,
  totalBudgetCents: 500_000, startDate: "2026-11-25", endDate: "2026-11-30", programType: "open_loop", audience: [],
  copy: "20% off sneakers", perCustomerLimit: null, redemptionMethod: "promo_code", promoCode: "SNEAK20", ...over,
});
const check = (o: OfferUnderCheck, f = facts()) => {
  const e = evaluateOffer(o, f);
  return Object.fromEntries(e.checks.map((c) => [c.id, c]));
};

describe("evaluateOffer: checks that tell the truth (issue 16 item 7)", () => {
  it("passes a compliant draft, every row green", () => {
    const e = evaluateOffer(draft(), facts());
    expect(e.ok).toBe(true);
    expect(e.checks.map((c) => c.state)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "pass"]);
    expect(e.blocking).toEqual([]);
  });

  it("refuses $500 off orders over $100 as a share of the minimum order, with the minimum that would pass", () => {
    const c = check(draft({ offerType: "fixed_discount", offerValue: 500, unit: "$", minimumSpendCents: 10_000 }));
    expect(c.policy.state).toBe("fail");
    expect(c.policy.reasons[0].message).toContain("$500.00 off a $100.00 order is 500% of it");
    expect(c.policy.reasons[0].message).not.toMatch(/cents/);
    expect(c.policy.fix?.patch).toEqual({ minimumSpend: 2000 });
  });

  it("checks a fixed amount against max_amount_cents", () => {
    const f = facts({ policies: [{ ...policy, max_amount_cents: 5_000 }] });
    const e = evaluateOffer(draft({ offerType: "fixed_discount", offerValue: 60, unit: "$", minimumSpendCents: 100_000 }), f);
    expect(e.checks[0].state).toBe("fail");
    expect(e.blocking[0]).toEqual({ code: "policy_violation", message: "shopify allows at most $50.00 off — $60.00 is above it" });
  });

  it("warns about a fixed amount with no minimum order and offers the minimum as a fix", () => {
    const c = check(draft({ offerType: "fixed_discount", offerValue: 10, unit: "$" }));
    expect(c.policy.state).toBe("warn");
    expect(c.policy.fix?.patch).toEqual({ minimumSpend: 40 });
  });

  it("never shows Budget headroom green while the budget field is empty", () => {
    const e = evaluateOffer(draft({ totalBudgetCents: null }), facts());
    expect(e.checks.find((c) => c.id === "budget")?.state).toBe("question");
    expect(e.ok).toBe(false);
  });

  it("checks a December offer against December's headroom, not November's", () => {
    const spent = { "2026-11-01": 25_000_000 };
    const dec = check(draft({ startDate: "2026-12-01", endDate: "2026-12-31" }), facts({ budget: { cap_cents: 25_000_000, period: "month", spent } }));
    expect(dec.budget.state).toBe("pass");
    expect(dec.budget.detail).toContain("December 2026");
    const nov = check(draft(), facts({ budget: { cap_cents: 25_000_000, period: "month", spent } }));
    expect(nov.budget.state).toBe("fail");
    expect(nov.budget.reasons[0].message).toBe("A total budget of $5,000.00 is more than the $0.00 left in November 2026");
  });

  it("adds up the headroom of every period an offer spans", () => {
    const spent = { "2026-11-01": 24_900_000, "2026-12-01": 24_900_000 };
    const c = check(draft({ totalBudgetCents: 150_000, endDate: "2026-12-10" }), facts({ budget: { cap_cents: 25_000_000, period: "month", spent } }));
    expect(c.budget.state).toBe("pass");
    expect(c.budget.detail).toContain("November 2026 and December 2026");
  });

  it("fails budget when the tenant has none", () => {
    expect(check(draft(), facts({ budget: null })).budget.state).toBe("fail");
  });

  it("warns about a new-customers offer on an open loop with no per-customer limit, with a one-click fix", () => {
    const c = check(draft({ copy: "20% off for new customers" }));
    expect(c.audience.state).toBe("warn");
    expect(c.audience.fix?.patch).toEqual({ usageLimitPerCustomer: 1 });
    expect(check(draft({ audience: ["students"] })).audience.state).toBe("warn");
    expect(check(draft({ copy: "for new customers", perCustomerLimit: 1 })).audience.state).toBe("pass");
    expect(check(draft({ copy: "for new customers", programType: "closed_loop" })).audience.state).toBe("pass");
  });

  it("asks about a reversed date range and offers the swap; never rolls it over", () => {
    const c = check(draft({ startDate: "2026-12-20", endDate: "2026-12-10" }));
    expect(c.dates.state).toBe("question");
    expect(c.dates.reasons[0].message).toContain("Did you mean Dec 10, 2026 → Dec 20, 2026?");
    expect(c.dates.fix?.patch).toEqual({ startDate: "2026-12-10", endDate: "2026-12-20" });
  });

  it("the planner keeps \"Dec 20 to Dec 10\" reversed (so the check asks) but still crosses the new year for Dec 20 to Jan 10", () => {
    expect(extractDates("runs Dec 20 to Dec 10", "2026-11-27")).toMatchObject({ startDate: "2026-12-20", endDate: "2026-12-10" });
    expect(extractDates("runs Dec 20 to Jan 10", "2026-11-27")).toMatchObject({ startDate: "2026-12-20", endDate: "2027-01-10" });
  });

  it("flags a range of almost a year (the roll-over signature) as a warning", () => {
    expect(check(draft({ startDate: "2026-12-20", endDate: "2027-12-10" })).dates.state).toBe("warn");
  });

  it("validates a promo code instead of cutting it", () => {
    const c = check(draft({ promoCode: "SALE🔥" }));
    expect(c.code.state).toBe("fail");
    expect(c.code.reasons[0].message).toContain("🔥");
  });

  it("refuses activation of a saved promo-code offer without a code", () => {
    const e = evaluateOffer(draft({ kind: "offer", promoCode: null, liveCodes: 0 }), facts());
    expect(e.blocking).toEqual([{ code: "inactive", message: expect.stringContaining("has none") }]);
  });

  it("flags copy that contradicts the fields: value, code and surface names (item 8)", () => {
    const c = check(draft({ offerValue: 20, copy: "25% Off Sneakers On Shopify with code BF25" }));
    expect(c.copy.state).toBe("warn");
    expect(c.copy.reasons.map((r) => r.code)).toEqual(["copy_value", "copy_code", "copy_surface"]);
    expect(check(draft({ copy: "20% off sneakers with code SNEAK20" })).copy.state).toBe("pass");
  });

  it("refuses a percent above the surface maximum and a failing KPI floor", () => {
    const e = evaluateOffer(draft({ offerValue: 30 }), facts({ snapshots: [{ kpi: "profit", surface: "", value: -1, observed_at: NOW }] }));
    expect(e.blocking.map((r) => r.code)).toEqual(["policy_violation", "kpi_floor"]);
  });
});

describe("offerHealth (CONTRACT §9)", () => {
  const hf = (over: Partial<HealthFacts> = {}): HealthFacts => ({ policies: [policy], snapshots: facts().snapshots, tenantHeadroomCents: 1000, now: NOW, ...over });
  const offer = (over: Partial<OfferHealthInput> = {}): OfferHealthInput => ({
    status: "active", startsAt: null, codes: [{ surface: "shopify", status: "active", terms: { discount_type: "percentage", value: 25 } }], offerBudget: null, ...over,
  });
  it("names the first reason an offer cannot redeem", () => {
    expect(offerHealth(offer(), hf())).toBe("live");
    expect(offerHealth(offer({ status: "draft" }), hf())).toBe("draft");
    expect(offerHealth(offer({ startsAt: new Date("2026-12-01T00:00:00Z") }), hf())).toBe("scheduled");
    expect(offerHealth(offer(), hf({ policies: [{ ...policy, max_percent: 20 }] }))).toBe("blocked_by_policy");
    expect(offerHealth(offer(), hf({ snapshots: [] }))).toBe("paused_by_kpi");
    expect(offerHealth(offer(), hf({ tenantHeadroomCents: 0 }))).toBe("budget_exhausted");
    expect(offerHealth(offer({ offerBudget: { cap_cents: 100, spent_cents: 100 } }), hf())).toBe("budget_exhausted");
  });
  it("lists the live offers a policy change would block", () => {
    const list = [{ ...offer(), offer_id: "a" }, { ...offer({ codes: [{ surface: "shopify", status: "active", terms: { discount_type: "percentage", value: 10 } }] }), offer_id: "b" }];
    expect(blockedByChange(list, hf(), { ...policy, max_percent: 20 })).toEqual(["a"]);
  });
  it("formats money in the tenant's currency", () => {
    expect(formatMoney(24_946_750)).toBe("$249,467.50");
    expect(formatMoney(1000, "JPY")).toBe("¥1,000");
  });
});
