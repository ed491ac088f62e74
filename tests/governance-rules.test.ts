import { describe, expect, it } from "vitest";
import {
  budgetPeriodStart, checkBudgetHeadroom, checkCodeState, checkEligibility, checkKpiFloors, checkMinimumOrder, checkPolicyRange,
  checkUsageLimits, computeDiscountCents, type CodeFacts, decideCodeTerms, decideRedemption, latestSnapshotFor, type PolicyFacts,
  type RedemptionFacts,
} from "@/core/governance";

const NOW = new Date("2026-11-21T12:00:00Z");
const policy: PolicyFacts = { surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null, kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 3600, enabled: true };
const code: CodeFacts = {
  promo_code: "SAVE10", surface: "shopify", discount_type: "percentage", value: 10, status: "active", starts_at: null, expires_at: null,
  usage_limit: null, per_customer_limit: null, minimum_order_cents: null, redemption_count: 0,
};
const fresh = [{ kpi: "profit", surface: "", value: 10, observed_at: new Date(NOW.getTime() - 60_000) }];
const facts = (over: Partial<RedemptionFacts> = {}): RedemptionFacts => ({
  request: { surface: "shopify", order_total_cents: 10_000, customer_id: "c1" }, code, policy, snapshots: fresh, customerUses: 0,
  eligibility: { restricted: false, listed: false }, budgets: [{ scope: "tenant", scope_id: "", cap_cents: 100_000, spent_cents: 0, period: "month" }],
  tenantBudgetSet: true, currency: "USD", now: NOW, ...over,
});
const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe("policy range", () => {
  it("names the limit and the asked value", () => {
    expect(checkPolicyRange(policy, "shopify", { discount_type: "percentage", value: 90 }, "USD")).toEqual([
      { code: "policy_violation", message: "shopify allows at most 25% — 90% is above it" },
    ]);
    expect(checkPolicyRange(policy, "shopify", { discount_type: "percentage", value: 2 }, "USD")[0].message).toBe("shopify needs at least 5% — 2% is below it");
    expect(checkPolicyRange(policy, "shopify", { discount_type: "percentage", value: 25 }, "USD")).toEqual([]);
  });
  it("checks fixed amounts against max_amount_cents, and fails closed without a policy or when disabled", () => {
    const capped = { ...policy, max_amount_cents: 2_000 };
    expect(codes(checkPolicyRange(capped, "shopify", { discount_type: "fixed", value: 2_001 }, "USD"))).toEqual(["policy_violation"]);
    expect(checkPolicyRange(capped, "shopify", { discount_type: "fixed", value: 2_000 }, "USD")).toEqual([]);
    expect(decideCodeTerms(null, "wix", { discount_type: "percentage", value: 10 }, "USD").allowed).toBe(false);
    expect(decideCodeTerms({ ...policy, enabled: false }, "shopify", { discount_type: "percentage", value: 10 }, "USD").reasons[0].message).toMatch(/switched off/);
  });
});

describe("discount amount", () => {
  it("rounds percentages down, caps fixed at the order and both at max_amount_cents", () => {
    expect(computeDiscountCents({ discount_type: "percentage", value: 12.5 }, 999, null)).toBe(124);
    expect(computeDiscountCents({ discount_type: "percentage", value: 33.33 }, 100, null)).toBe(33);
    expect(computeDiscountCents({ discount_type: "fixed", value: 5_000 }, 1_200, null)).toBe(1_200);
    expect(computeDiscountCents({ discount_type: "percentage", value: 20 }, 100_000, 1_500)).toBe(1_500);
    expect(computeDiscountCents({ discount_type: "percentage", value: 10 }, 900_000_000_000_001, null)).toBe(90_000_000_000_000);
  });
});

describe("KPI floors", () => {
  it("prefers the surface's latest reading over the tenant-wide one", () => {
    const snaps = [
      { kpi: "profit", surface: "", value: 5, observed_at: new Date("2026-11-21T11:59:00Z") },
      { kpi: "profit", surface: "shopify", value: -1, observed_at: new Date("2026-11-21T11:00:00Z") },
      { kpi: "profit", surface: "shopify", value: 3, observed_at: new Date("2026-11-21T11:30:00Z") },
    ];
    expect(latestSnapshotFor(snaps, "profit", "shopify")?.value).toBe(3);
    expect(latestSnapshotFor(snaps, "profit", "wix")?.value).toBe(5);
  });
  it("fails closed: missing or stale → kpi_stale; below → kpi_floor; at the floor passes", () => {
    expect(codes(checkKpiFloors(policy, "shopify", [], NOW))).toEqual(["kpi_stale"]);
    const old = [{ kpi: "profit", surface: "", value: 10, observed_at: new Date(NOW.getTime() - 3601_000) }];
    expect(checkKpiFloors(policy, "shopify", old, NOW)[0].message).toMatch(/is 1h 1s old; shopify accepts readings up to 1h old/);
    const zero = [{ kpi: "profit", surface: "", value: 0, observed_at: NOW }];
    expect(checkKpiFloors(policy, "shopify", zero, NOW)).toEqual([]);
    expect(codes(checkKpiFloors({ ...policy, kpi_floors: [{ kpi: "profit", floor: 1 }] }, "shopify", zero, NOW))).toEqual(["kpi_floor"]);
  });
});

describe("code state, minimum order, usage, eligibility, budget", () => {
  it("reports surface, status and date problems together", () => {
    const c = { ...code, status: "inactive" as const, starts_at: new Date("2026-12-01T00:00:00Z") };
    expect(codes(checkCodeState(c, "wix", NOW))).toEqual(["surface_mismatch", "inactive", "not_started"]);
    expect(codes(checkCodeState({ ...code, expires_at: NOW }, "shopify", NOW))).toEqual(["expired"]);
    expect(checkCodeState({ ...code, starts_at: NOW }, "shopify", NOW)).toEqual([]);
  });
  it("minimum order says how much is missing", () => {
    expect(checkMinimumOrder({ ...code, minimum_order_cents: 5_000 }, 4_000, "USD")[0].message)
      .toBe("SAVE10 needs an order of at least $50.00; this one is $40.00 ($10.00 short)");
    expect(checkMinimumOrder({ ...code, minimum_order_cents: 5_000 }, 5_000, "USD")).toEqual([]);
  });
  it("usage limits count net uses; per-customer is skipped when no customer is named", () => {
    const c = { ...code, usage_limit: 3, per_customer_limit: 1, redemption_count: 3 };
    expect(codes(checkUsageLimits(c, 1))).toEqual(["per_customer_limit", "usage_limit"]);
    expect(codes(checkUsageLimits({ ...c, redemption_count: 2 }, null))).toEqual([]);
  });
  it("closed loop: only listed customers, and a customer id is needed to tell", () => {
    expect(checkEligibility({ restricted: false, listed: false }, null, "X")).toEqual([]);
    expect(codes(checkEligibility({ restricted: true, listed: false }, "a@b.c", "X"))).toEqual(["not_eligible"]);
    expect(codes(checkEligibility({ restricted: true, listed: false }, null, "X"))).toEqual(["not_eligible"]);
    expect(checkEligibility({ restricted: true, listed: true }, "a@b.c", "X")).toEqual([]);
  });
  it("every budget must cover the discount; no tenant budget fails closed", () => {
    const b = [{ scope: "tenant" as const, scope_id: "", cap_cents: 1_000, spent_cents: 900, period: "month" as const }, { scope: "offer" as const, scope_id: "o", cap_cents: 50, spent_cents: 0, period: "total" as const }];
    expect(checkBudgetHeadroom(b, 100, "USD")).toEqual([{ code: "budget_exhausted", message: "This discount is $1.00 but only $0.50 of the offer's budget ($0.50) is left" }]);
    expect(codes(checkBudgetHeadroom([], 0, "USD", false))).toEqual(["budget_exhausted"]);
  });
  it("budget periods start on UTC calendar boundaries", () => {
    expect(budgetPeriodStart("month", new Date("2026-11-30T23:59:59Z"))).toBe("2026-11-01");
    expect(budgetPeriodStart("month", new Date("2026-12-01T00:00:00Z"))).toBe("2026-12-01");
    expect(budgetPeriodStart("quarter", new Date("2026-11-21T12:00:00Z"))).toBe("2026-10-01");
    expect(budgetPeriodStart("quarter", new Date("2027-03-31T23:00:00Z"))).toBe("2027-01-01");
    expect(budgetPeriodStart("total", NOW)).toBe("1970-01-01");
  });
});

describe("decideRedemption", () => {
  it("allows a clean redemption and returns the amount", () => {
    expect(decideRedemption(facts())).toEqual({ allowed: true, discount_cents: 1_000, reasons: [] });
  });
  it("returns every failing reason in CONTRACT §2.3 order", () => {
    const d = decideRedemption(facts({
      code: { ...code, expires_at: new Date("2026-01-01T00:00:00Z"), value: 30, usage_limit: 1, redemption_count: 1, minimum_order_cents: 20_000 },
      snapshots: [], budgets: [{ scope: "tenant", scope_id: "", cap_cents: 10, spent_cents: 0, period: "month" }],
    }));
    expect(d.allowed).toBe(false);
    expect(codes(d.reasons)).toEqual(["expired", "policy_violation", "kpi_stale", "minimum_order", "usage_limit", "budget_exhausted"]);
  });
  it("refuses a fixed amount that is a bigger share of the order than max_percent", () => {
    const fixed = { ...code, discount_type: "fixed" as const, value: 1_000 };
    const d = decideRedemption(facts({ code: fixed, request: { surface: "shopify", order_total_cents: 3_000, customer_id: null } }));
    expect(d.reasons[0].message).toBe("$10.00 off is 33.33% of this $30.00 order; shopify allows at most 25% — the order must be at least $40.00");
    expect(decideRedemption(facts({ code: fixed, request: { surface: "shopify", order_total_cents: 4_000, customer_id: null } })).allowed).toBe(true);
  });
});
