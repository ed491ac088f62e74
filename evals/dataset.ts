import { readFileSync } from "node:fs";
import { z } from "zod";
import { EVAL_FIELDS, OfferDraftSchema } from "../agent/draft";

// Schema and loader for eval dataset lines (evals/datasets/*.jsonl). One JSON object per line;
// `expected` may list any subset of the CONTRACT §4 draft fields and nothing else. A field listed
// with null means "the brief does not state this": a planner that fills it hallucinated.

/** True when s is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const calendarDate = z.string().refine(isIsoCalendarDate, "must be a real date in YYYY-MM-DD form");

const evalFieldMask = Object.fromEntries(EVAL_FIELDS.map((f) => [f, true])) as { [K in (typeof EVAL_FIELDS)[number]]: true };

/** The compared draft fields, typed exactly as the draft schema types them, dates checked for real. */
export const ExpectedSchema = OfferDraftSchema.pick(evalFieldMask)
  .extend({ startDate: calendarDate.nullable(), endDate: calendarDate.nullable() })
  .partial()
  .strict();

export const EvalCaseSchema = z
  .object({
    id: z.string().min(1),
    today: calendarDate,
    brief: z.string().trim().min(1),
    expected: ExpectedSchema,
    expect_rejection: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

export type Expected = z.infer<typeof ExpectedSchema>;
export type EvalCase = z.infer<typeof EvalCaseSchema>;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** A dataset problem pinned to its line, so a bad edit is found without bisecting the file. */
export class DatasetError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source}:${line}: ${detail}`);
    this.name = "DatasetError";
  }
}

/** Parses JSONL text into cases; blank lines are skipped, any bad line throws with its number. */
export function parseDataset(text: string, source = "<dataset>"): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new DatasetError(source, line, `invalid JSON (${(e as Error).message})`);
    }
    const parsed = EvalCaseSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((iss) => `${iss.path.join(".") || "(line)"}: ${iss.message}`);
      throw new DatasetError(source, line, issues.join("; "));
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) throw new DatasetError(source, line, `duplicate id "${parsed.data.id}" (first on line ${first})`);
    seen.set(parsed.data.id, line);
    cases.push(parsed.data);
  });
  return cases;
}

/** Reads and parses a dataset file; the file path is the error's source. */
export function loadDataset(file: string): EvalCase[] {
  return parseDataset(readFileSync(file, "utf8"), file);
}
