import { z } from "zod";
import { isCalendarDate, isOfferTimestamp } from "@/core/offers/dates";
import { Uuid } from "../tenancy/schemas";

// Field schemas every Offer Manager resource shares (CONTRACT §0 conventions).
export { Uuid };

/** Lists: limit 1–100 (default 20; over 100 is a 400) and offset, from query strings. */
export const PageInput = {
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100").default(20),
  offset: z.coerce.number().int().min(0).default(0),
};
export const PageOutput = { total_count: z.number().int(), limit: z.number().int(), offset: z.number().int() };

export const Text = (max: number) => z.string().trim().min(1).max(max);
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const Timestamp = z.string().refine(isOfferTimestamp, "ISO-8601 timestamp with zone (2026-12-01T00:00:00Z) or date YYYY-MM-DD");
export const CalendarDate = z.string().refine(isCalendarDate, "date YYYY-MM-DD");
export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "language code such as en, fr or pt-BR");
export const HttpUrl = z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), "http(s) URL");
export const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const PositiveInt = z.number().int().min(1).max(2_147_483_647);

/** Timestamps leave the API as ISO strings, whichever driver returned them. */
export function iso(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

/** Escapes LIKE wildcards so a search for "20%" means the characters, not a pattern. */
export function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
