import { describe, expect, it } from "vitest";
import {
  type CodeFacts, codeTermsIssues, decideCodeTerms, decideRedemption, evaluateProposal, type PolicyFacts, type RedemptionFacts,
} from "@/core/governance";

// Issue 16 (money and dates): every refusal writes amounts in the tenant's currency with Intl — USD has two
// minor digits, JPY none, KWD three — and no reason ever says "cents". The amounts below are all 1,250 minor units.

const NOW = new Date("2026-11-21T12:00:00Z");
const policy: PolicyFacts = {
  surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null, kpi_floors: [], max_snapshot_age_seconds: 3600, enabled: true,
};
const code: CodeFacts = {
  promo_code: "SAVE10", surface: "shopify", discount_type: "percentage", value: 10, status: "active", starts_at: null, expires_at: null,
  usage_limit: null, per_customer_limit: null, minimum_order_cents: null, redemption_count: 0,
};
const facts = (currency: string, over: Partial<RedemptionFacts> = {}): RedemptionFacts => ({
  request: { surface: "shopify", order_total_cents: 12_500, customer_id: "c1" }, code, policy, snapshots: [], customerUses: 0,
  eligibility: { restricted: false, listed: false }, budgets: [{ scope: "tenant", scope_id: "", cap_cents: 100_000, spent_cents: 0, period: "month" }],
  tenantBudgetSet: true, currency, now: NOW, ...over,
});
const capped: PolicyFacts = { ...policy, max_amount_cents: 1_000 };

const TENANTS = [
  { currency: "USD", amount: "$12.50", cap: "$10.00", short: "$2.50", order: "$10.00" },
  { currency: "JPY", amount: "¥1,250", cap: "¥1,000", short: "¥250", order: "¥1,000" },
  { currency: "KWD", amount: "KWD\u00a01.250", cap: "KWD\u00a01.000", short: "KWD\u00a00.250", order: "KWD\u00a01.000" },
];

describe("refusals write money in the tenant's currency (issue 16)", () => {
  for (const t of TENANTS) {
    it(`${t.currency}: budget_exhausted names the discount, what is left and the cap as ${t.amount}-style money`, () => {
      const d = decideRedemption(facts(t.currency, { budgets: [{ scope: "tenant", scope_id: "", cap_cents: 1_000, spent_cents: 0, period: "month" }] }));
      expect(d.discount_cents).toBe(1_250);
      expect(d.reasons).toEqual([{
        code: "budget_exhausted", message: `This discount is ${t.amount} but only ${t.cap} of this month's budget (${t.cap}) is left`,
      }]);
    });

    it(`${t.currency}: minimum_order says the minimum, the order and what is missing as money`, () => {
      const d = decideRedemption(facts(t.currency, {
        code: { ...code, minimum_order_cents: 1_250 }, request: { surface: "shopify", order_total_cents: 1_000, customer_id: "c1" },
      }));
      expect(d.reasons).toEqual([{
        code: "minimum_order", message: `SAVE10 needs an order of at least ${t.amount}; this one is ${t.order} (${t.short} short)`,
      }]);
    });

    it(`${t.currency}: a fixed amount over the policy cap and a total budget over the headroom are money too`, () => {
      const fixed = { discount_type: "fixed" as const, value: 1_250 };
      expect(decideCodeTerms(capped, "shopify", fixed, t.currency).reasons[0].message)
        .toBe(`shopify allows at most ${t.cap} off — ${t.amount} is above it`);
      const r = evaluateProposal({ surface: "shopify", discount_type: "percentage", value: 10, total_budget_cents: 1_250 }, {
        policy, snapshots: [], now: NOW, currency: t.currency,
        tenantBudget: { scope: "tenant", scope_id: "", cap_cents: 1_000, spent_cents: 0, period: "month" },
      });
      expect(r.reasons).toEqual([{ code: "budget_exhausted", message: `A total budget of ${t.amount} is more than the ${t.cap} left in the tenant budget` }]);
    });
  }

  it("no reason or field message of a refused redemption or code says cents", () => {
    const d = decideRedemption(facts("USD", {
      code: { ...code, discount_type: "fixed", value: 5_000, minimum_order_cents: 20_000 }, policy: capped,
      request: { surface: "shopify", order_total_cents: 2_000, customer_id: "c1" },
      budgets: [{ scope: "offer", scope_id: "o", cap_cents: 10, spent_cents: 0, period: "total" }],
    }));
    expect(d.reasons.map((r) => r.code)).toEqual(["policy_violation", "policy_violation", "minimum_order", "budget_exhausted"]);
    expect(d.reasons.map((r) => r.message).join(" ")).not.toMatch(/cents?\b/);
    expect(codeTermsIssues({ discount_type: "fixed", value: 12.5 })).toEqual([
      { field: "value", message: "a fixed amount is a whole number in the currency's smallest unit" },
    ]);
  });
});
