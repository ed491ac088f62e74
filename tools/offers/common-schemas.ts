import { z } from "zod";
import { isCalendarDate, isOfferTimestamp } from "@/core/offers/dates";
import { Cents, OptionalText, PageInput, PageOutput, PositiveInt, Text, Uuid } from "@/core/primitives";

// Field schemas every Offer Manager resource shares (CONTRACT §0 conventions); the primitives are core's.
export { Cents, OptionalText, PageInput, PageOutput, PositiveInt, Text, Uuid };

export const Timestamp = z.string().refine(isOfferTimestamp, "ISO-8601 timestamp with zone (2026-12-01T00:00:00Z) or date YYYY-MM-DD");
export const CalendarDate = z.string().refine(isCalendarDate, "date YYYY-MM-DD");
export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "language code such as en, fr or pt-BR");
export const HttpUrl = z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), "http(s) URL");

/** Timestamps leave the API as ISO strings, whichever driver returned them. */
export function iso(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

/** Escapes LIKE wildcards so a search for "20%" means the characters, not a pattern. */
export function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
