import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, isIsoCalendarDate, loadDataset, parseDataset, type EvalCase } from "../evals/dataset";

const DIR = path.resolve(__dirname, "../evals/datasets");
const main = loadDataset(path.join(DIR, "main.jsonl"));
const heldout = loadDataset(path.join(DIR, "heldout.jsonl"));
const all = [...main, ...heldout];
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

describe("committed datasets", () => {
  it("have the required sizes", () => {
    expect(main.length).toBeGreaterThanOrEqual(120);
    expect(heldout.length).toBeGreaterThanOrEqual(40);
  });

  it("have ids unique across both files, heldout ids prefixed ho- and main ids not", () => {
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(heldout.length).toBeGreaterThan(0);
    expect(heldout.filter((c) => !c.id.startsWith("ho-"))).toEqual([]);
    expect(main.some((c) => c.id.startsWith("ho-"))).toBe(false);
  });

  it("share no brief between main and heldout", () => {
    const mainBriefs = new Set(main.map((c) => squash(c.brief)));
    expect(heldout.filter((c) => mainBriefs.has(squash(c.brief))).map((c) => c.id)).toEqual([]);
  });

  it("have real ISO dates, start before end, and no end before the case's today", () => {
    const bad: string[] = [];
    for (const c of all) {
      const { startDate: s, endDate: e } = c.expected;
      for (const d of [c.today, s, e]) if (typeof d === "string" && !isIsoCalendarDate(d)) bad.push(`${c.id}: ${d}`);
      if (s && e && s > e) bad.push(`${c.id}: start ${s} after end ${e}`);
      if (e && e < c.today) bad.push(`${c.id}: ends ${e} before today ${c.today}`);
    }
    expect(bad).toEqual([]);
  });

  it("score at least one field in every case", () => {
    expect(all.filter((c) => Object.keys(c.expected).length === 0).map((c) => c.id)).toEqual([]);
  });

  it("agree with the demo policy (5–25 %): rejection cases break it, the others respect it", () => {
    const percentOf = (c: EvalCase) => (c.expected.offerType === "percentage_discount" ? c.expected.offerValue : undefined);
    const wrong = all.filter((c) => {
      const p = percentOf(c);
      if (c.expect_rejection) return p === undefined || p === null || (p >= 5 && p <= 25);
      return typeof p === "number" && (p < 5 || p > 25);
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it("cover every category, with rejection cases and deliberate nulls in both files", () => {
    for (const prefix of ["complete-", "consumer-", "dates-", "partial-", "gov-", "intl-"]) {
      expect(main.filter((c) => c.id.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(10);
    }
    for (const set of [main, heldout]) {
      expect(set.filter((c) => c.expect_rejection).length).toBeGreaterThanOrEqual(5);
      expect(set.filter((c) => Object.values(c.expected).some((v) => v === null)).length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe("parseDataset", () => {
  const good = JSON.stringify({ id: "a", today: "2026-11-21", brief: "20% off", expected: { offerValue: 20 } });
  const lineOf = (text: string) => {
    try {
      parseDataset(text, "x.jsonl");
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      return { line: (e as DatasetError).line, message: (e as Error).message };
    }
    throw new Error("expected a DatasetError");
  };

  it("skips blank lines and parses the rest", () => {
    expect(parseDataset(`${good}\n\n`).map((c) => c.id)).toEqual(["a"]);
  });

  it("reports the line number of invalid JSON", () => {
    expect(lineOf(`${good}\n\n{not json`)).toMatchObject({ line: 3, message: expect.stringMatching(/^x\.jsonl:3: invalid JSON/) });
  });

  it("rejects unknown expected fields, impossible dates and wrong enum values, naming the path", () => {
    const bad = (expected: object) => `${good}\n${JSON.stringify({ id: "b", today: "2026-11-21", brief: "b", expected })}`;
    expect(lineOf(bad({ discount: 20 }))).toMatchObject({ line: 2, message: expect.stringContaining("expected") });
    expect(lineOf(bad({ endDate: "2026-02-30" }))).toMatchObject({ line: 2, message: expect.stringContaining("expected.endDate") });
    expect(lineOf(bad({ offerType: "percent" }))).toMatchObject({ line: 2, message: expect.stringContaining("expected.offerType") });
  });

  it("rejects a duplicate id, pointing at both lines", () => {
    expect(lineOf(`${good}\n${good}`)).toMatchObject({ line: 2, message: expect.stringContaining("first on line 1") });
  });

  it("accepts null as 'must stay empty' and keeps it distinct from an absent field", () => {
    const [c] = parseDataset(JSON.stringify({ id: "n", today: "2026-11-21", brief: "b", expected: { promoCode: null } }));
    expect(c.expected).toEqual({ promoCode: null });
    expect("offerValue" in c.expected).toBe(false);
  });
});
