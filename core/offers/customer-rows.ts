import { parse } from "csv-parse/sync";
import { customerKey, type CustomerIdKind } from "@/core/customers";

// Customer-list uploads: which rows are usable identifiers and why the others are not. Normalising
// is core/customers.ts's job (one definition of "who is a customer"); this file only judges rows.

export type RawRow = { row: number; value: unknown };
export type AcceptedRow = { row: number; customer_key: string; kind: CustomerIdKind };
export type RejectedRow = { row: number; value: string; reason: string };
export type RowVerdict = { accepted: AcceptedRow[]; rejected: RejectedRow[]; duplicates: { row: number; duplicate_of: number }[] };

const MAX_LEN = 254;
/** Longest CSV record the parser will build (bounded work per row, whatever the upload's shape). */
const MAX_RECORD_BYTES = 4096;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;
const HEADER_NAMES = ["customer", "customer_id", "customer_key", "customers", "email", "phone", "user_id", "identifier", "id"];

/** Why one raw value cannot be a customer identifier, or null when it can. */
export function rowProblem(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return "expected a string (email, phone or user id)";
  const v = String(value).trim();
  if (!v) return "empty value";
  if (v.length > MAX_LEN) return `longer than ${MAX_LEN} characters`;
  if (/[\u0000-\u001f\u007f]/.test(v)) return "contains control characters";
  const { kind } = customerKey(v);
  if (v.includes("@") && kind !== "email") return "malformed email address";
  if (kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "malformed email address";
  if (PHONE_LIKE.test(v) && kind !== "phone") return "phone number needs at least 7 digits";
  if (kind === "user_id" && /\s/.test(v)) return "user ids may not contain spaces";
  return null;
}

/** Judges every row and drops repeats of an already accepted customer (after normalising). */
export function judgeRows(rows: RawRow[]): RowVerdict {
  const out: RowVerdict = { accepted: [], rejected: [], duplicates: [] };
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    const problem = rowProblem(value);
    if (problem) {
      out.rejected.push({ row, value: typeof value === "string" ? value.slice(0, 100) : JSON.stringify(value ?? null).slice(0, 100), reason: problem });
      continue;
    }
    const { customer_key, kind } = customerKey(String(value));
    const first = seen.get(customer_key);
    if (first !== undefined) {
      out.duplicates.push({ row, duplicate_of: first });
      continue;
    }
    seen.set(customer_key, row);
    out.accepted.push({ row, customer_key, kind });
  }
  return out;
}

/**
 * CSV upload → rows numbered as a spreadsheet shows them (line 1 is the header when there is one).
 * The identifier column is the one named customer/email/phone/user_id/…, else the first column.
 */
export function csvRows(text: string): RawRow[] {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true, skip_empty_lines: true, trim: true, info: true, bom: true,
    // A row is an identifier or a few columns; a megabyte-long "row" is an attack on the parser, not data.
    max_record_size: MAX_RECORD_BYTES,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) return [];
  const header = records[0].record.map((c) => c.toLowerCase().replace(/[\s-]+/g, "_"));
  const named = header.findIndex((c) => HEADER_NAMES.includes(c));
  const hasHeader = named >= 0;
  const column = hasHeader ? named : 0;
  return records.slice(hasHeader ? 1 : 0).map(({ record, info }) => ({ row: info.lines, value: record[column] ?? "" }));
}
