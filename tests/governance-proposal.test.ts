import { describe, expect, it } from "vitest";
import { evaluateProposal, type PolicyFacts, type ProposalFacts } from "@/core/governance";
import { customerIdKind, normalizeCustomerId } from "@/core/customers";

const NOW = new Date("2026-11-21T12:00:00Z");
const policy: PolicyFacts = { surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: 5_000, kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 86400, enabled: true };
const facts: ProposalFacts = {
  policy, now: NOW, snapshots: [{ kpi: "profit", surface: "", value: 100, observed_at: NOW }],
  tenantBudget: { scope: "tenant", scope_id: "", cap_cents: 100_000, spent_cents: 40_000, period: "month" }, currency: "USD",
};

describe("evaluateProposal (the agent's validation step)", () => {
  it("suggests the nearest compliant percent", () => {
    const r = evaluateProposal({ surface: "shopify", discount_type: "percentage", value: 90 }, facts);
    expect(r.allowed).toBe(false);
    expect(r.reasons).toEqual([{ code: "policy_violation", message: "shopify allows at most 25% — 90% is above it" }]);
    expect(r.suggestion).toEqual({ suggested_value: 25 });
    expect(evaluateProposal({ surface: "shopify", discount_type: "percentage", value: 1 }, facts).suggestion).toEqual({ suggested_value: 5 });
  });
  it("caps fixed amounts and total budgets at what is left", () => {
    const r = evaluateProposal({ surface: "shopify", discount_type: "fixed", value: 9_000, total_budget_cents: 80_000 }, facts);
    expect(r.reasons.map((x) => x.code)).toEqual(["policy_violation", "budget_exhausted"]);
    expect(r.suggestion).toEqual({ suggested_value: 5_000, suggested_total_budget_cents: 60_000 });
  });
  it("passes a compliant proposal and reports KPI and missing-budget problems without a suggestion", () => {
    expect(evaluateProposal({ surface: "shopify", discount_type: "percentage", value: 20, total_budget_cents: 60_000 }, facts)).toEqual({ allowed: true, reasons: [], suggestion: null });
    const r = evaluateProposal({ surface: "shopify", discount_type: "percentage", value: 20 }, { ...facts, snapshots: [], tenantBudget: null });
    expect(r.reasons.map((x) => x.code)).toEqual(["kpi_stale", "budget_exhausted"]);
    expect(r.suggestion).toBeNull();
  });
  it("has no suggestion when the surface has no policy", () => {
    const r = evaluateProposal({ surface: "wix", discount_type: "percentage", value: 10 }, { ...facts, policy: null });
    expect(r.reasons[0].code).toBe("policy_violation");
    expect(r.suggestion).toBeNull();
  });
});

describe("customer id normalisation", () => {
  it("lower-cases emails, keeps phone digits and a leading +, trims the rest", () => {
    expect(normalizeCustomerId("  Ann.Lee@Example.COM ")).toBe("ann.lee@example.com");
    expect(normalizeCustomerId("+1 (555) 010-2030")).toBe("+15550102030");
    expect(normalizeCustomerId("555.010.2030")).toBe("5550102030");
    expect(normalizeCustomerId("  User-ABC ")).toBe("User-ABC");
    expect(normalizeCustomerId("42")).toBe("42");
    expect(customerIdKind("42")).toBe("user_id");
    expect(customerIdKind("+44 20 7946 0958")).toBe("phone");
  });
});
