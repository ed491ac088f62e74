import { describe, expect, it } from "vitest";
import { emptyDraft, type OfferDraft } from "../agent/draft";
import type { EvalCase } from "../evals/dataset";
import type { PlanCase } from "../evals/planner-port";
import { runCases } from "../evals/run-cases";
import { normaliseField, scoreCase, scoreField } from "../evals/score";
import { gateFailures, percentile, summarise, type CaseResult } from "../evals/summary";

const draft = (fields: Partial<OfferDraft>): OfferDraft => ({ ...emptyDraft(), ...fields });

describe("normaliseField", () => {
  it("reads numbers as numbers, numeric strings included", () => {
    expect(normaliseField("totalBudget", 50000)).toBe(50000);
    expect(normaliseField("totalBudget", "50,000")).toBe(50000);
    expect(normaliseField("totalBudget", "50k")).toBe("50k");
  });

  it("upper-cases codes, cuts date-times to the date, lower-cases enums", () => {
    expect(normaliseField("promoCode", " dealer20 ")).toBe("DEALER20");
    expect(normaliseField("endDate", "2026-12-31T23:59:59Z")).toBe("2026-12-31");
    expect(normaliseField("offerType", "Percentage_Discount")).toBe("percentage_discount");
  });

  it("treats audience as a set of lower-case strings and empty as null", () => {
    expect(normaliseField("targetAudience", ["Teachers", "nurses ", "teachers"])).toEqual(["nurses", "teachers"]);
    expect(normaliseField("targetAudience", ["  "])).toBeNull();
    expect(normaliseField("targetAudience", [])).toBeNull();
    expect(normaliseField("promoCode", "")).toBeNull();
  });
});

describe("scoreField", () => {
  it("counts a filled field the brief leaves empty as a hallucination", () => {
    expect(scoreField("promoCode", null, "SAVE10")).toBe("hallucination");
    expect(scoreField("targetAudience", null, ["everyone"])).toBe("hallucination");
    expect(scoreField("totalBudget", null, 0)).toBe("hallucination");
  });

  it("counts empty as correct when expected is null", () => {
    expect(scoreField("promoCode", null, null)).toBe("correct");
    expect(scoreField("targetAudience", null, [])).toBe("correct");
  });

  it("counts a missing or different value as incorrect", () => {
    expect(scoreField("offerValue", 20, null)).toBe("incorrect");
    expect(scoreField("offerValue", 20, 25)).toBe("incorrect");
    expect(scoreField("startDate", "2026-12-01", "2026-12-02")).toBe("incorrect");
  });

  it("does not merge singular and plural audiences", () => {
    expect(scoreField("targetAudience", ["students"], ["student"])).toBe("incorrect");
    expect(scoreField("targetAudience", ["dealers", "students"], ["Students", "Dealers"])).toBe("correct");
    expect(scoreField("targetAudience", ["dealers"], ["dealers", "students"])).toBe("incorrect");
  });

  it("tolerates float noise but not real differences", () => {
    expect(scoreField("offerValue", 27.5, 27.500000000001)).toBe("correct");
    expect(scoreField("offerValue", 27.5, 27.4)).toBe("incorrect");
  });
});

describe("scoreCase", () => {
  const expected: EvalCase["expected"] = { offerValue: 20, promoCode: "DEALER20", minimumSpend: null, targetAudience: ["dealers"] };

  it("scores only the listed fields and is exact when all are right", () => {
    const s = scoreCase(expected, draft({ offerValue: 20, promoCode: "dealer20", targetAudience: ["Dealers"], totalBudget: 999 }));
    expect(Object.keys(s.fields).sort()).toEqual(["minimumSpend", "offerValue", "promoCode", "targetAudience"]);
    expect(s.exact).toBe(true);
  });

  it("is not exact when one field is hallucinated", () => {
    const s = scoreCase(expected, draft({ offerValue: 20, promoCode: "DEALER20", targetAudience: ["dealers"], minimumSpend: 50 }));
    expect(s.fields.minimumSpend).toBe("hallucination");
    expect(s.exact).toBe(false);
  });
});

const result = (over: Partial<CaseResult>): CaseResult => ({
  id: "x", expectRejection: false, score: { fields: {}, exact: true }, verdictOk: true, reasonCodes: [], latencyMs: 10, llmCalls: 1, ...over,
});

describe("summarise and gate", () => {
  const results = [
    result({ id: "a", score: { fields: { offerValue: "correct", promoCode: "hallucination" }, exact: false }, latencyMs: 100, llmCalls: 2 }),
    result({ id: "b", score: { fields: { offerValue: "correct" }, exact: true }, latencyMs: 300, llmCalls: 0 }),
    result({ id: "c", expectRejection: true, score: { fields: { offerValue: "incorrect" }, exact: false }, verdictOk: true, latencyMs: 200, llmCalls: 1 }),
    result({ id: "d", expectRejection: true, score: { fields: {}, exact: true }, verdictOk: false, latencyMs: 400, llmCalls: 1 }),
    result({ id: "e", verdictOk: false, reasonCodes: ["policy_violation"], latencyMs: 500, llmCalls: 1 }),
  ];
  const s = summarise(results);

  it("pools field accuracy and counts hallucinations per field", () => {
    expect(s.fieldAccuracy).toBeCloseTo(2 / 4);
    expect(s.fields.offerValue).toMatchObject({ scored: 3, correct: 2, incorrect: 1, accuracy: 2 / 3 });
    expect(s.fields.promoCode).toMatchObject({ scored: 1, hallucination: 1, accuracy: 0 });
    expect(s.fields.endDate.accuracy).toBeNull();
    expect(s.hallucinations).toBe(1);
    expect(s.exactRate).toBeCloseTo(3 / 5);
  });

  it("flags a rejection case that passed validation as a governance violation", () => {
    expect(s.governanceViolations).toEqual(["c"]);
    expect(s.rejection).toEqual({ expected: 2, caught: 1, falseRejections: 1, accuracy: 3 / 5 });
  });

  it("reports nearest-rank latency percentiles and LLM calls per case", () => {
    expect(s.latencyMs).toEqual({ p50: 300, p95: 500 });
    expect(percentile([], 50)).toBe(0);
    expect(s.llmCallsPerCase).toBeCloseTo(1);
  });

  it("fails on governance violations and on accuracy below baseline, tolerating no baseline", () => {
    expect(gateFailures(s, undefined)).toHaveLength(1);
    const clean = summarise(results.filter((r) => r.id !== "c"));
    expect(gateFailures(clean, undefined)).toEqual([]);
    expect(gateFailures(clean, 0.5)).toEqual([]);
    expect(gateFailures(clean, 0.9)[0]).toMatch(/below the baseline/);
  });
});

describe("runCases", () => {
  const cases: EvalCase[] = [
    { id: "ok", today: "2026-11-21", brief: "20% off, code A", expected: { offerValue: 20, promoCode: null } },
    { id: "boom", today: "2026-11-21", brief: "explode", expected: { offerValue: 20 }, expect_rejection: true },
    { id: "bad", today: "2026-11-21", brief: "malformed", expected: { offerValue: 20 } },
  ];
  const planner: PlanCase = async ({ brief, today }) => {
    if (brief === "explode") throw new Error("planner crashed");
    if (brief === "malformed") return { draft: { offerValue: 20 }, validation: { ok: true, reasons: [] }, llmCalls: 1 } as never;
    expect(today).toBe("2026-11-21");
    return { draft: draft({ offerValue: 20, promoCode: "A" }), validation: { ok: true, reasons: [] }, llmCalls: 3 };
  };

  it("scores each case and turns planner crashes and malformed results into errors", async () => {
    const [ok, boom, bad] = await runCases(cases, planner);
    expect(ok).toMatchObject({ verdictOk: true, llmCalls: 3, score: { fields: { offerValue: "correct", promoCode: "hallucination" } } });
    expect(boom).toMatchObject({ verdictOk: null, error: "planner crashed", score: { exact: false } });
    expect(bad.error).toMatch(/malformed/);
    expect(summarise([ok, boom, bad]).governanceViolations).toEqual([]);
  });
});
