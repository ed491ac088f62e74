import { toAppError } from "@/core/errors";
import { unknownLocationWords } from "./location-list";

// Refusals in plain words for the screen (issue 16 items 5 and 10): field errors keyed by field for inline
// display, never a tool's name. Amounts are already money in the server's sentence (the governance core writes
// them in the tenant's currency), so it is shown as is.

const LABELS: Record<string, string> = {
  short_text: "Title", long_text: "Description", terms_conditions: "Terms", offer_value: "Value", total_budget_cents: "Total budget",
  minimum_spend_cents: "Minimum spend", usage_limit_per_customer: "Limit per customer", total_usage_limit: "Total redemptions",
  start_date: "Start date", end_date: "End date", promo_code: "Promo code", usage_limit: "Usage limit", per_customer_limit: "Limit per customer",
  reason: "Reason", csv: "CSV file", value: "Value", min_percent: "Minimum %", max_percent: "Maximum %", kpi_floors: "KPI floors",
  max_snapshot_age_seconds: "Freshness", location_restrictions: "Allowed locations",
};

/** A zod-style field message in words a marketer reads. */
function fieldWords(message: string): string {
  if (/greater than or equal to 0|too small|nonnegative/i.test(message)) return "must be 0 or more";
  if (/too big|less than or equal/i.test(message)) return message.replace(/^Number must be/i, "must be");
  if (/expected number|nan/i.test(message)) return "must be a number";
  if (/^no such location /.test(message)) return unknownLocationWords(message);
  return message;
}

/** One field's refusal in the general line: "Value must be 0 or more", or a sentence naming the value as it is. */
function listItem(field: string, words: string): string {
  if (words.startsWith('"')) return words.replace(/\.$/, "");
  return `${LABELS[field] ?? field.replace(/_/g, " ")} ${words}`;
}

/** The state an action returns for a refusal: a sentence, plus per-field messages for inline errors. */
export function plainError(err: unknown): { error: string; ok: null; fields?: Record<string, string> } {
  const e = toAppError(err);
  const raw = e.details?.fields as { field: string; message: string }[] | undefined;
  if (e.code === "invalid_input" && raw?.length) {
    const fields = Object.fromEntries(raw.map((f) => [f.field, fieldWords(f.message)]));
    const list = raw.map((f) => listItem(f.field, fieldWords(f.message))).join("; ");
    return { error: `Not saved: ${list}.`, ok: null, fields };
  }
  const reasons = (e.details?.reasons as { message: string }[] | undefined) ?? [];
  const more = reasons.length > 1 ? ` (${reasons.slice(1).map((r) => r.message).join("; ")})` : "";
  return { error: `${e.message}${more}`, ok: null };
}
