import { EVAL_FIELDS } from "../agent/draft";
import type { EvalCase, EvalField } from "./dataset";

// Pure scoring of one draft against one case's `expected`. Only the fields the case lists are
// scored. Normalisation, so formatting is not mistaken for a wrong answer:
// - numbers: numbers compared with a 1e-9 tolerance; a numeric string ("50,000") counts as its number
// - promoCode: trimmed, upper-case
// - startDate/endDate: the YYYY-MM-DD part of an ISO date or date-time
// - enum fields: trimmed, lower-case (maxDiscountUnit trimmed only)
// - targetAudience: a set of trimmed, lower-case, whitespace-collapsed strings; order and duplicates
//   ignored. Singular and plural are NOT merged ("student" ≠ "students"), nor hyphen and space.
// - "empty" (null, undefined, "", [] or only blank strings) is the same as null.

export type FieldOutcome = "correct" | "incorrect" | "hallucination";
export type CaseScore = { fields: Partial<Record<EvalField, FieldOutcome>>; exact: boolean };

type Normalised = number | string | string[] | null;

const NUMBER_FIELDS = new Set<EvalField>(["offerValue", "totalBudget", "minimumSpend", "usageLimitPerCustomer", "totalUsageLimit"]);
const DATE_FIELDS = new Set<EvalField>(["startDate", "endDate"]);
const LOWER_FIELDS = new Set<EvalField>(["programType", "offerType", "redemptionMethod"]);

function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const cleaned = v.replace(/[,\s]/g, "");
    if (cleaned !== "" && /^-?\d*\.?\d+$/.test(cleaned)) return Number(cleaned);
  }
  return null;
}

/** Brings a raw draft value to the comparable form above, so scoring ignores formatting. */
export function normaliseField(field: EvalField, value: unknown): Normalised {
  if (value === null || value === undefined) return null;
  if (field === "targetAudience") {
    const items = Array.isArray(value) ? value : [value];
    const set = new Set(
      items.filter((x): x is string => typeof x === "string").map((x) => x.trim().toLowerCase().replace(/\s+/g, " ")).filter((x) => x !== ""),
    );
    return set.size === 0 ? null : [...set].sort();
  }
  if (NUMBER_FIELDS.has(field)) return toNumber(value) ?? (typeof value === "string" && value.trim() === "" ? null : String(value));
  if (typeof value !== "string") return JSON.stringify(value);
  const s = value.trim();
  if (s === "") return null;
  if (field === "promoCode") return s.toUpperCase();
  if (DATE_FIELDS.has(field)) return /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(s) ? s.slice(0, 10) : s;
  if (LOWER_FIELDS.has(field)) return s.toLowerCase();
  return s;
}

function sameValue(a: Normalised, b: Normalised): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Classifies one field: filling a field the brief leaves empty is a hallucination, not just wrong. */
export function scoreField(field: EvalField, expected: unknown, actual: unknown): FieldOutcome {
  const want = normaliseField(field, expected);
  const got = normaliseField(field, actual);
  if (want === null) return got === null ? "correct" : "hallucination";
  return got !== null && sameValue(want, got) ? "correct" : "incorrect";
}

/** Scores every field the case lists; the case is exact only when all of them are correct. */
export function scoreCase(expected: EvalCase["expected"], draft: Partial<Record<EvalField, unknown>>): CaseScore {
  const fields: CaseScore["fields"] = {};
  for (const field of EVAL_FIELDS) {
    if (!(field in expected)) continue;
    fields[field] = scoreField(field, expected[field], draft[field]);
  }
  return { fields, exact: Object.values(fields).every((o) => o === "correct") };
}
