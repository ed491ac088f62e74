import { z } from "zod";

// The field primitives every layer validates with, defined once (issue 14): ids, dates, promo codes,
// money, counts, free text and pagination. Tools build their per-operation schemas from these; the
// agent's draft and the UI read the same patterns.

/** A UUID as the database stores it (any version), case-insensitive. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A calendar date as the contract writes it (YYYY-MM-DD). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A promo code connectors can type: 3–32 of A–Z, 0–9, "-" or "_", starting with a letter or digit. */
export const PROMO_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
/** Text a database accepts: PostgreSQL text cannot hold a NUL byte, so it is a 400, never a 500. */
const NO_NUL = /^[^\u0000]*$/;

/** Whether `s` is a UUID (why: a page refuses a malformed id before any query). */
export const isUuid = (s: string) => UUID_PATTERN.test(s);

export const Uuid = z.string().uuid();
export const IsoDate = z.string().regex(ISO_DATE_PATTERN, "YYYY-MM-DD");
export const PromoCode = z.string().trim().toUpperCase()
  .regex(PROMO_CODE_PATTERN, "3–32 letters, digits, _ or -, starting with a letter or digit");
/** Integer minor units of the tenant's currency; bounded so sums of many stay exact in a double. */
export const Cents = z.number().int().min(0).max(1_000_000_000_000);
/** A count or limit that fits a PostgreSQL integer column. */
export const PositiveInt = z.number().int().min(1).max(2_147_483_647);
/** Required free text, trimmed, bounded, NUL-free. */
export const Text = (max: number) => z.string().trim().min(1).max(max).regex(NO_NUL, "must not contain NUL bytes");
/** Optional free text (null or absent clears it), trimmed, bounded, NUL-free. */
export const OptionalText = (max: number) => z.string().trim().max(max).regex(NO_NUL, "must not contain NUL bytes").nullable().optional();

/** List input of every list (CONTRACT §0): limit 1–100 (default 20; over 100 is a 400) and offset, from query strings. */
export const PageInput = {
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100").default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
};
/** List output fields of every list: the page's window and the total. */
export const PageOutput = { total_count: z.number().int(), limit: z.number().int(), offset: z.number().int() };

/** A list response `{<key>: items, total_count, limit, offset}` (why: one output shape for every list). */
export function listOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({ [key]: z.array(item), ...PageOutput } as { [P in K]: z.ZodArray<T> } & typeof PageOutput);
}
