// Date inputs of offers: ISO timestamps or plain dates, read the way a marketer means them.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** True for a real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_ONLY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** True for an ISO-8601 timestamp with a zone, or a calendar date. */
export function isOfferTimestamp(s: string): boolean {
  if (isCalendarDate(s)) return true;
  return DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) && isCalendarDate(s.slice(0, 10));
}

/**
 * Parses an offer timestamp. A plain date means the start of that day (UTC) for a start, and the end
 * of that day for an end ("expires 2026-12-31" = still valid all of Dec 31).
 */
export function parseOfferTimestamp(s: string, edge: "start" | "end"): Date {
  if (isCalendarDate(s)) return new Date(edge === "start" ? `${s}T00:00:00.000Z` : `${s}T23:59:59.999Z`);
  return new Date(s);
}
