import { describe, expect, it } from "vitest";
import {
  checkLocation, checkUsageLimits, codeTermsIssues, type CodeFacts, type ControlFacts, decideRedemption, evaluateProposal,
  type PolicyFacts, type RedemptionFacts,
} from "@/core/governance";
import { offerCodeTerms, offerValueForCode } from "@/core/offers/code-terms";
import { codeTermsOf } from "@/agent/terms";
import { emptyDraft } from "@/agent/draft";

// The one offer → code mapping (BOGO, free shipping), the shape rule of code terms, and redemption
// controls (offer-level limits, locations) decided in the pure core.

const NOW = new Date("2026-11-21T12:00:00Z");
const policy: PolicyFacts = { surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null, kpi_floors: [], max_snapshot_age_seconds: 3600, enabled: true };
const code: CodeFacts = {
  promo_code: "SAVE10", surface: "shopify", discount_type: "percentage", value: 10, status: "active", starts_at: null, expires_at: null,
  usage_limit: null, per_customer_limit: null, minimum_order_cents: null, redemption_count: 0,
};
const controls = (over: Partial<ControlFacts> = {}): ControlFacts => ({ usage_limit: null, per_customer_limit: null, location_lists: [], offerUses: 0, offerCustomerUses: 0, ...over });
const facts = (over: Partial<RedemptionFacts> = {}): RedemptionFacts => ({
  request: { surface: "shopify", order_total_cents: 10_000, customer_id: "c1" }, code, policy, snapshots: [], customerUses: 0,
  eligibility: { restricted: false, listed: false }, budgets: [], tenantBudgetSet: true, currency: "USD", now: NOW, ...over,
});
const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe("offer → code terms (one mapping for validation, create_offer and redeem)", () => {
  it("maps each offer type", () => {
    expect(offerCodeTerms({ offer_type: "percentage_discount", offer_value: 20 })).toEqual({ ok: true, terms: { discount_type: "percentage", value: 20 } });
    expect(offerCodeTerms({ offer_type: "fixed_discount", offer_value: 12.5 })).toEqual({ ok: true, terms: { discount_type: "fixed", value: 1250 } });
    expect(offerCodeTerms({ offer_type: "bogo", offer_value: 50 })).toEqual({ ok: true, terms: { discount_type: "percentage", value: 25 } });
    expect(offerCodeTerms({ offer_type: "bogo", offer_value: 12.25 })).toEqual({ ok: true, terms: { discount_type: "percentage", value: 6.12 } });
    expect(offerCodeTerms({ offer_type: "free_shipping", offer_value: null })).toEqual({ ok: true, terms: { discount_type: "free_shipping", value: 0 } });
    expect(offerCodeTerms({ offer_type: "percentage_discount", offer_value: 0 })).toMatchObject({ ok: false, issues: [{ field: "offer_value" }] });
    expect(offerValueForCode({ offer_type: "bogo" }, 25, "percentage")).toBe(50);
  });

  it("is what the agent validates", () => {
    expect(codeTermsOf({ ...emptyDraft(), offerType: "bogo", offerValue: 100 })).toEqual({ discount_type: "percentage", value: 50 });
    expect(codeTermsOf({ ...emptyDraft(), offerType: "free_shipping" })).toEqual({ discount_type: "free_shipping", value: 0 });
  });
});

describe("free shipping codes", () => {
  it("carry no cash off but stay governed", () => {
    const ship: CodeFacts = { ...code, promo_code: "SHIPFREE", discount_type: "free_shipping", value: 0 };
    expect(decideRedemption(facts({ code: ship }))).toEqual({ allowed: true, discount_cents: 0, reasons: [] });
    expect(codes(decideRedemption(facts({ code: ship, policy: { ...policy, enabled: false } })).reasons)).toEqual(["policy_violation"]);
    expect(codes(decideRedemption(facts({ code: { ...ship, usage_limit: 1, redemption_count: 1 } })).reasons)).toEqual(["usage_limit"]);
    expect(evaluateProposal({ surface: "shopify", discount_type: "free_shipping", value: 0 }, { policy, snapshots: [], tenantBudget: { scope: "tenant", scope_id: "", cap_cents: 1, spent_cents: 0, period: "month" }, currency: "USD", now: NOW }).allowed).toBe(true);
  });

  it("must have value 0; cash codes above 0", () => {
    expect(codeTermsIssues({ discount_type: "free_shipping", value: 0 })).toEqual([]);
    expect(codeTermsIssues({ discount_type: "free_shipping", value: 5 })[0].field).toBe("value");
    expect(codeTermsIssues({ discount_type: "percentage", value: 0 })[0].message).toMatch(/above 0/);
  });
});

describe("redemption controls", () => {
  it("the stricter of code and control limit stops redemptions, with the same codes", () => {
    const c = controls({ usage_limit: 2, offerUses: 2 });
    expect(codes(checkUsageLimits({ ...code, usage_limit: 10, redemption_count: 2 }, 0, c))).toEqual(["usage_limit"]);
    expect(checkUsageLimits({ ...code, usage_limit: 10, redemption_count: 2 }, 0, c)[0].message).toMatch(/redemption controls allow/);
    expect(checkUsageLimits({ ...code, usage_limit: 10 }, 0, controls({ usage_limit: 2, offerUses: 1 }))).toEqual([]);
    expect(codes(checkUsageLimits({ ...code, usage_limit: 1, redemption_count: 1 }, 0, controls({ usage_limit: 5, offerUses: 1 })))).toEqual(["usage_limit"]);
    expect(codes(checkUsageLimits(code, 0, controls({ per_customer_limit: 1, offerCustomerUses: 1 })))).toEqual(["per_customer_limit"]);
    expect(checkUsageLimits(code, null, controls({ per_customer_limit: 1, offerCustomerUses: null }))).toEqual([]);
  });

  it("restricts locations: a missing or other location is not_eligible", () => {
    const c = controls({ location_lists: [["loc-a", "loc-b"]] });
    expect(checkLocation(c, "loc-a", "SAVE10")).toEqual([]);
    expect(checkLocation(c, null, "SAVE10")[0]).toMatchObject({ code: "not_eligible", message: expect.stringMatching(/pass location_id/) });
    expect(checkLocation(c, "loc-z", "SAVE10")[0].message).toMatch(/cannot be redeemed at location loc-z/);
    expect(checkLocation(controls({ location_lists: [["loc-a"], ["loc-b"]] }), "loc-a", "SAVE10")).toHaveLength(1);
    expect(checkLocation(null, null, "SAVE10")).toEqual([]);
  });

  it("is part of the one redemption decision, in §2.3 order", () => {
    const c = controls({ usage_limit: 1, offerUses: 1, location_lists: [["loc-a"]] });
    expect(codes(decideRedemption(facts({ controls: c })).reasons)).toEqual(["not_eligible", "usage_limit"]);
    expect(decideRedemption(facts({ controls: controls({ location_lists: [["loc-a"]] }), request: { surface: "shopify", order_total_cents: 10_000, customer_id: "c1", location_id: "loc-a" } })).allowed).toBe(true);
  });
});
