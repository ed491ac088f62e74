import { describe, expect, it } from "vitest";
import { emptyDraft, type OfferDraft } from "@/agent/draft";
import { checkFactsOf, draftChecksInput } from "@/agent/draft-evaluation";
import type { TenantFacts } from "@/agent/facts";
import type { Validation } from "@/agent/state";
import { validateDraft } from "@/agent/validate";
import type { PolicyFacts } from "@/core/governance";
import { evaluateOffer, type OfferEvaluation } from "@/core/offers/evaluate";
import { draftUnderCheck } from "@/tools/offers/offer-check-tools";

// Issue 16: the copilot's verdict is core/offers/evaluate's, so the chat, the checks panel, activation and
// commit agree on every case of item 7. Each case asserts the agent's verdict and evaluateOffer's side by side.

const NOW = new Date("2026-11-20T12:00:00Z");
const TODAY = "2026-11-20";
const policy: PolicyFacts = {
  surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null,
  kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 86_400, enabled: true,
};
const facts = (over: Partial<TenantFacts> = {}): TenantFacts => ({
  tenantId: "t", currency: "USD", settings: {}, policies: [policy], snapshots: [{ kpi: "profit", surface: "", value: 10, observed_at: NOW }],
  tenantBudget: null, budget: { cap_cents: 25_000_000, period: "month", spent: {} }, existingCodes: [], now: NOW, ...over,
});
const draft = (over: Partial<OfferDraft> = {}): OfferDraft => ({
  ...emptyDraft(), programType: "open_loop", offerType: "percentage_discount", offerValue: 20, maxDiscountUnit: "%", surface: "shopify",
  totalBudget: 5000, startDate: "2026-11-25", endDate: "2026-11-30", redemptionMethod: "promo_code", promoCode: "SNEAK20",
  title: "20% off sneakers", usageLimitPerCustomer: 2, ...over,
});

/** Both verdicts on one draft: the panel's (through preview_draft_checks' mapping) and the agent's. */
function both(d: OfferDraft, f = facts()): { panel: OfferEvaluation; agent: Validation } {
  const panel = evaluateOffer(draftUnderCheck(draftChecksInput(d, f.currency)), checkFactsOf(f, TODAY));
  return { panel, agent: validateDraft(d, f, TODAY) };
}

/** They agree: every failing reason is an issue, every question asked, every warning said — and nothing else refused. */
function expectAgreement({ panel, agent }: { panel: OfferEvaluation; agent: Validation }) {
  const of = (state: string) => panel.checks.filter((c) => c.state === state).flatMap((c) => c.reasons.map((r) => r.message));
  expect(agent.issues.map((i) => i.message)).toEqual(of("fail"));
  expect(agent.warnings.map((w) => w.message)).toEqual(of("warn"));
  const asked = agent.questions.map((q) => q.question);
  for (const q of of("question").filter((m) => !m.startsWith("What is the offer's total budget"))) expect(asked).toContain(q);
  expect(agent.allowed).toBe(of("fail").length === 0);
}

describe("validateDraft is evaluateOffer's verdict (issue 16 item 7)", () => {
  it("passes a compliant draft, like the panel", () => {
    const v = both(draft());
    expectAgreement(v);
    expect(v.panel.ok).toBe(true);
    expect(v.agent.ok).toBe(true);
  });

  it("refuses \"$500 off orders over $100\" under a 25% policy, with the minimum order that would pass", () => {
    const v = both(draft({ offerType: "fixed_discount", offerValue: 500, maxDiscountUnit: "$", minimumSpend: 100, title: "$500 off" }));
    expectAgreement(v);
    expect(v.agent.allowed).toBe(false);
    expect(v.agent.issues[0]).toMatchObject({ kind: "governance", code: "policy_violation", field: "minimumSpend" });
    expect(v.agent.issues[0].message).toContain("$500.00 off a $100.00 order is 500% of it");
    expect(v.agent.alternative?.patch).toEqual({ minimumSpend: 2000 });
  });

  it("never calls an empty budget green: the panel asks, the agent asks, no commit", () => {
    const v = both(draft({ totalBudget: null }));
    expectAgreement(v);
    expect(v.panel.checks.find((c) => c.id === "budget")?.state).toBe("question");
    expect(v.agent.questions.map((q) => q.field)).toEqual(["totalBudget"]);
    expect(v.agent.ok).toBe(false);
    const none = both(draft(), facts({ budget: null }));
    expectAgreement(none);
    expect(none.agent.issues.map((i) => i.code)).toEqual(["budget_exhausted"]);
  });

  it("checks a December offer against December's headroom, not November's", () => {
    const spent = { "2026-11-01": 25_000_000 };
    const dec = both(draft({ startDate: "2026-12-01", endDate: "2026-12-31" }), facts({ budget: { cap_cents: 25_000_000, period: "month", spent } }));
    expectAgreement(dec);
    expect(dec.agent.ok).toBe(true);
    const nov = both(draft(), facts({ budget: { cap_cents: 25_000_000, period: "month", spent } }));
    expectAgreement(nov);
    expect(nov.agent.issues).toEqual([{ kind: "governance", code: "budget_exhausted", field: "totalBudget",
      message: "A total budget of $5,000.00 is more than the $0.00 left in November 2026" }]);
    expect(nov.agent.alternative?.patch).toEqual({ totalBudget: 0 });
  });

  it("warns about \"new customers\" copy on an open loop with unlimited uses, with the fix — and does not block", () => {
    const v = both(draft({ title: "20% off for new customers", usageLimitPerCustomer: null }));
    expectAgreement(v);
    expect(v.agent.warnings).toEqual([expect.objectContaining({ code: "audience_open", field: "usageLimitPerCustomer",
      fix: { patch: { usageLimitPerCustomer: 1 }, message: expect.stringMatching(/limit to 1 per customer\?$/) } })]);
    expect(v.agent.ok).toBe(true);
  });

  it("asks about \"Dec 20 to Dec 10\" with the swap on offer; never rolls it over, never refuses it", () => {
    const d = draft({ startDate: "2026-12-20", endDate: "2026-12-10" });
    const v = both(d);
    expectAgreement(v);
    expect(v.agent.questions[0]).toEqual({ field: "endDate", question: expect.stringContaining("Did you mean Dec 10, 2026 → Dec 20, 2026?") });
    expect(v.agent.allowed).toBe(true);
    expect(v.agent.ok).toBe(false);
    expect(v.agent.alternative?.patch).toEqual({ startDate: "2026-12-10", endDate: "2026-12-20" });
    expect(d).toMatchObject({ startDate: "2026-12-20", endDate: "2026-12-10" });
  });

  it("refuses a percent above every surface's maximum before a surface is chosen, with the nearest value", () => {
    const v = both(draft({ surface: null, offerValue: 90 }), facts({ policies: [policy, { ...policy, surface: "hub", max_percent: 20 }] }));
    expectAgreement(v);
    expect(v.agent.issues.map((i) => i.code)).toEqual(["policy_violation"]);
    expect(v.agent.alternative).toMatchObject({ patch: { offerValue: 25 }, message: expect.stringMatching(/use 25%\?$/) });
    const open = both(draft({ surface: null, offerValue: 22 }), facts({ policies: [policy, { ...policy, surface: "hub", max_percent: 20 }] }));
    expect(open.panel.checks[0]).toMatchObject({ state: "pending", detail: expect.stringContaining("allowed on shopify") });
    expect(open.agent.allowed).toBe(true);
  });

  it("refuses a start in the past and an invalid code as the panel does; a taken code only the agent knows", () => {
    const v = both(draft({ startDate: "2026-11-01", promoCode: "SALE🔥" }));
    expectAgreement(v);
    expect(v.agent.issues.map((i) => [i.code, i.field])).toEqual([["invalid_promo_code", "promoCode"], ["start_in_past", "startDate"]]);
    const taken = validateDraft(draft(), facts({ existingCodes: ["SNEAK20"] }), TODAY);
    expect(taken.issues.map((i) => i.code)).toEqual(["promo_code_taken"]);
  });
});
