import * as chrono from "chrono-node";
import { addDays, addMonths, fmt, lastDay, parseYmd, spoken, substituteHolidays } from "./calendar";
import { rewriteExpressions, type Duration } from "./date-phrases";

// Offer start/end dates from free text, resolved against an injected today. chrono-node does the
// heavy lifting; we pre-rewrite what it does not know (holidays, quarters, slashed dates, "next
// week") and decide, from the words just before each date, whether it starts or ends the offer.

export type DateResult = { startDate: string | null; endDate: string | null; notes: string[] };

const STRONG_START = /\b(?:start(?:s|ing)?|begin(?:s|ning)?|launch(?:es|ing)?|kick(?:s|ing)? off|go(?:es)? live|going live|effective|as of|opens?)\b/g;
const STRONG_END = /\b(?:end(?:s|ing)?|expir(?:e|es|ing|y|ation)|exp\b\.?|last day|deadline|close(?:s)?|closing|valid (?:until|through|thru|till))\b/g;
const WEAK_START = /\b(?:from|after|beginning)\b/g;
const WEAK_END = /\b(?:through|thru|until|till|til|to|by|before|up to|no later than)\b/g;

type Cue = "start" | "end" | "single" | null;

function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index!;
  return at;
}

/** Which side of the offer a date sits on, judged from the words between it and the previous date. */
function cueBefore(window: string): Cue {
  const s = lastIndex(STRONG_START, window), e = lastIndex(STRONG_END, window);
  if (s >= 0 || e >= 0) return s > e ? "start" : "end";
  // Weak cues ("to", "from") only count right before the date: "click to activate, Q1" is not an end.
  const tail = window.trimEnd().split(/\s+/).slice(-3).join(" ");
  // "to cardholders in December": "in" ties the date to the offer as a whole, whatever came before.
  if (/\b(?:in|during|throughout|over)$/.test(tail)) return null;
  const ws = lastIndex(WEAK_START, tail), we = lastIndex(WEAK_END, tail);
  if (ws >= 0 || we >= 0) return ws > we ? "start" : "end";
  return /\b(?:on|only on)\s*$/.test(tail) ? "single" : null;
}

const iso = (c: chrono.ParsedComponents) => fmt(c.get("year")!, c.get("month")!, c.get("day")!);
// "24 hours only", "3 months free shipping": a length, not a date.
const RELATIVE_SPAN = /^(?:\d+|an?|few|several)\s+(?:hours?|minutes?|days?|weeks?|months?|years?)(?:\s+(?:from now|later))?$/i;
const JUNK = /^(?:(?:a|an|1|the|one|this|that|now|today's)\s*(?:day|week|month|year|time)?|(?:the\s+)?weekend)$/i;

/** Finds startDate/endDate in a brief; a date it cannot place with confidence stays null with a note. */
export function extractDates(text: string, today: string, opts: { dayFirstLocale?: boolean } = {}): DateResult {
  const notes: string[] = [];
  const t = parseYmd(today);
  const holidays = substituteHolidays(text.toLowerCase(), today);
  let s = holidays.text;
  let duration: Duration | null = null;
  ({ text: s, duration } = rewriteExpressions(s, today, notes, opts.dayFirstLocale ?? false));

  const ref = new Date(t.y, t.m - 1, t.d, 12);
  const results = chrono.parse(s, ref, { forwardDate: true }).filter((r) => {
    if (JUNK.test(r.text.trim()) || RELATIVE_SPAN.test(r.text.trim())) return false;
    return r.start.isCertain("day") || r.start.isCertain("month") || r.start.isCertain("weekday");
  });

  const themes: string[] = [];
  const starts = new Set<string>();
  const ends = new Set<string>();
  let prevEnd = 0;
  for (const r of results) {
    const window = s.slice(prevEnd, r.index).split(/[.;!?\n,]/).pop() ?? "";
    prevEnd = r.index + r.text.length;
    if (/\b(?:every|each)\s*$/.test(window)) {
      // "every Tuesday" is a schedule inside the offer, not when it starts or ends.
      notes.push(`"${window.trim().split(/\s+/).pop()} ${r.text.trim()}" is a recurring day; the draft has no schedule field, so it is not a date.`);
      continue;
    }
    let cue = cueBefore(window);
    const only = /^\s*only\b/.test(s.slice(prevEnd));
    if (!r.end && cue === null && only) cue = "single";
    if (!r.end && cue === null && holidays.spelled.has(r.text.trim())) {
      // "Halloween flash sale", "Valentine's treat": a theme, not when the offer runs.
      themes.push(r.text.trim());
      continue;
    }
    const monthOnly = !r.start.isCertain("day") && !r.start.isCertain("weekday") && r.start.isCertain("month");
    const first = monthOnly ? fmt(r.start.get("year")!, r.start.get("month")!, 1) : iso(r.start);
    let last = r.end ? iso(r.end) : first;
    // "Dec 20 to Dec 10": chrono rolls the implied end year forward; keep the range reversed so the checks
    // ask which was meant (issue 16), never a silent year-long offer.
    // "Dec 20 to Jan 10" still crosses the new year: only a roll-over that makes a half-year range is undone.
    const rolled = r.end && !r.end.isCertain("year") && last.slice(5) < first.slice(5) && Date.parse(last) - Date.parse(first) > 183 * 86400_000;
    if (rolled) last = `${first.slice(0, 4)}${last.slice(4)}`;
    if (r.end && !r.end.isCertain("day") && r.end.isCertain("month")) {
      last = fmt(r.end.get("year")!, r.end.get("month")!, lastDay(r.end.get("year")!, r.end.get("month")!));
    } else if (!r.end && monthOnly) {
      last = fmt(r.start.get("year")!, r.start.get("month")!, lastDay(r.start.get("year")!, r.start.get("month")!));
    }
    const span = r.end !== null || monthOnly;
    if (cue === "single") {
      starts.add(first);
      ends.add(last);
    } else if (cue === "end") ends.add(last);
    else if (cue === "start") {
      starts.add(first);
      if (r.end) ends.add(last);
    } else if (span) {
      starts.add(first);
      ends.add(last);
    } else starts.add(first);
  }

  if (themes.length && starts.size === 0 && ends.size === 0) {
    notes.push(`The brief names a holiday (${themes.join(", ")}) but not when the offer runs; dates left empty.`);
  }
  let startDate = pick(starts, "start", notes);
  let endDate = pick(ends, "end", notes);
  if (duration) {
    if (startDate && !endDate) endDate = applyDuration(startDate, duration, 1);
    else if (endDate && !startDate) startDate = applyDuration(endDate, duration, -1);
    else if (!startDate && !endDate) notes.push("The brief gives a duration but no start date; dates left empty.");
  }
  if (startDate && endDate && endDate < startDate) notes.push(`The end date (${spoken(endDate)}) is before the start (${spoken(startDate)}).`);
  return { startDate, endDate, notes };
}

function pick(found: Set<string>, side: "start" | "end", notes: string[]): string | null {
  if (found.size <= 1) return [...found][0] ?? null;
  const options = [...found].sort().map(spoken);
  notes.push(`${side === "start" ? "Start" : "End"} ${options.slice(0, -1).join(", ")} or ${options.at(-1)}? The brief names more than one, so the ${side} date is left for you to pick.`);
  return null;
}

function applyDuration(from: string, d: Duration, sign: 1 | -1): string {
  if (d.unit === "month") return addDays(addMonths(from, sign * d.count), -sign);
  const days = d.unit === "week" ? d.count * 7 : d.count;
  return addDays(from, sign * (days - 1));
}
