import { describe, expect, it } from "vitest";
import { emptyDraft } from "@/agent/draft";
import type { Validation } from "@/agent/state";
import { budgetView, kpiStatuses } from "@/lib/ui/control-view";
import { draftChecks, verdictWarnings } from "@/lib/ui/draft-checks";
import { groupByReason } from "@/tools/ui/governance-decisions";

// The UI's pure helpers: they sort and colour the core's verdicts, never decide them.

const verdict = (issues: Validation["issues"], questions: Validation["questions"] = []): Validation =>
  ({ ok: !issues.length && !questions.length, allowed: !issues.length, issues, questions, warnings: [], alternative: null });

describe("draftChecks", () => {
  const draft = { ...emptyDraft(), offerType: "percentage_discount" as const, offerValue: 90 };

  it("is all pending before the agent has validated anything", () => {
    const checks = draftChecks(null, null);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => c.state !== "pending")).toEqual([]);
  });

  it("turns exactly the rows the verdict names red, with the verdict's reasons", () => {
    const checks = draftChecks(verdict([
      { kind: "governance", code: "policy_violation", field: "offerValue", message: "90% is above shopify's maximum of 25%" },
      { kind: "governance", code: "kpi_floor", field: null, message: "profit is -5, below the floor of 0" },
      { kind: "dates", code: "end_before_start", field: "endDate", message: "ends before it starts" },
    ]), draft);
    const by = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(by.policy.state).toBe("fail");
    expect(by.policy.reasons).toEqual(["90% is above shopify's maximum of 25%"]);
    expect(by.kpi.state).toBe("fail");
    expect(by.dates.state).toBe("fail");
    expect(by.budget.state).toBe("pass");
    expect(by.code.state).toBe("pass");
    expect(by.brand.state).toBe("pass");
  });

  it("keeps governance rows pending while the discount value is unknown, and lists missing fields", () => {
    const checks = draftChecks(verdict([], [{ field: "offerValue", question: "How big is the discount?" }]), { ...emptyDraft(), offerType: "percentage_discount" });
    expect(checks.find((c) => c.id === "policy")!.state).toBe("pending");
    expect(checks.find((c) => c.id === "complete")).toMatchObject({ state: "fail", reasons: ["How big is the discount?"] });
  });
});

describe("verdictWarnings", () => {
  const longRange = { code: "long_range", field: "endDate", message: "The offer runs 400 days — is that intended?", fix: null };
  const share = {
    code: "minimum_order", field: "offerValue", message: "$50 off is 40% of a $125 order",
    fix: { patch: { minimumSpend: 250 }, message: "$50 off is 40% of a $125 order — use a $250 minimum?" },
  };
  const withWarnings: Validation = { ...verdict([]), warnings: [longRange, share] };

  it("lists every warning in the chat's words, with the fix's patch for the button", () => {
    const rows = verdictWarnings(withWarnings, null);
    expect(rows.map((r) => r.text)).toEqual(["The offer runs 400 days — is that intended?", "$50 off is 40% of a $125 order — use a $250 minimum?"]);
    expect(rows.map((r) => r.patch)).toEqual([null, { minimumSpend: 250 }]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it("is empty without a verdict, and while the live checks (which list the same warnings) are shown", () => {
    expect(verdictWarnings(null, null)).toEqual([]);
    expect(verdictWarnings(withWarnings, { checks: [] })).toEqual([]);
  });
});

describe("groupByReason", () => {
  it("counts rejections per reason code, most frequent first, ignoring allowed decisions", () => {
    const groups = groupByReason([
      { at: "2026-11-20T10:00:00Z", allowed: false, reasons: [{ code: "kpi_floor", message: "old" }] },
      { at: "2026-11-21T10:00:00Z", allowed: false, reasons: [{ code: "kpi_floor", message: "new" }, { code: "budget_exhausted", message: "b" }] },
      { at: "2026-11-21T11:00:00Z", allowed: true, reasons: [] },
    ]);
    expect(groups).toEqual([
      { code: "kpi_floor", count: 2, last_message: "new", last_at: "2026-11-21T10:00:00Z" },
      { code: "budget_exhausted", count: 1, last_message: "b", last_at: "2026-11-21T10:00:00Z" },
    ]);
  });
});

describe("control room views", () => {
  const now = new Date("2026-11-21T00:00:00Z");

  it("colours the budget by share spent and projects exhaustion from the burn rate", () => {
    const v = budgetView({ cap_cents: 100_000, spent_cents: 80_000, headroom_cents: 20_000, period: "month", period_start: "2026-11-01" }, now);
    expect(v.color).toBe("amber");
    expect(v.burnPerDayCents).toBe(4000);
    expect(v.projectedExhaustion).toBe("2026-11-26");
    expect(budgetView({ cap_cents: 100, spent_cents: 100, headroom_cents: 0, period: "total", period_start: "1970-01-01" }, now).color).toBe("red");
  });

  it("judges each KPI floor with the governance core (fresh and above → pass; below → fail)", () => {
    const policy = { surface: "shopify", min_percent: 5, max_percent: 25, max_amount_cents: null, kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }], max_snapshot_age_seconds: 86400, enabled: true, updated_at: "" };
    const snaps = [
      { snapshot_id: "a", kpi: "profit", value: -3, surface: null, observed_at: "2026-11-20T12:00:00Z" },
      { snapshot_id: "b", kpi: "mer", value: 3, surface: null, observed_at: "2026-11-20T12:00:00Z" },
    ];
    const [profit, mer] = kpiStatuses([policy], snaps, now);
    expect(profit).toMatchObject({ kpi: "profit", pass: false });
    expect(profit.reason).toContain("below the floor");
    expect(mer).toMatchObject({ kpi: "mer", pass: true, reason: null });
  });
});
