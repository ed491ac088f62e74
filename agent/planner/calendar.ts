// Calendar arithmetic on plain YYYY-MM-DD strings (UTC, no clock), plus the named retail dates
// marketers use as deadlines ("through Black Friday"). Everything is relative to an injected today.

export type Ymd = { y: number; m: number; d: number };

/** Lower-case month names: the spelling every rewrite hands to chrono. */
export const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
] as const;

/** Parses a YYYY-MM-DD string; the planner's clock arrives in this form. */
export function parseYmd(iso: string): Ymd {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

/** Formats a date the way the draft schema stores it. */
export function fmt(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as a marketer reads it ("Dec 1, 2026"), never the ISO form, for notes and questions. */
export function spoken(iso: string): string {
  const { y, m, d } = parseYmd(iso);
  return `${SHORT[m - 1]} ${d}, ${y}`;
}

/** Days in a month, so "December" can end on the right day. */
export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds days across month/year edges, for durations like "for two weeks". */
export function addDays(iso: string, days: number): string {
  const { y, m, d } = parseYmd(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds calendar months (clamped to month end), for "for 3 months". */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parseYmd(iso);
  const idx = m - 1 + months;
  const ny = y + Math.floor(idx / 12);
  const nm = ((idx % 12) + 12) % 12 + 1;
  return fmt(ny, nm, Math.min(d, lastDay(ny, nm)));
}

/** 0 = Sunday; needed for "next week" and the floating holidays. */
export function weekday(iso: string): number {
  const { y, m, d } = parseYmd(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The year in which a month with no year next occurs (the current month counts as upcoming). */
export function yearForMonth(month: number, today: string): number {
  const t = parseYmd(today);
  return month >= t.m ? t.y : t.y + 1;
}

function nthWeekday(y: number, m: number, dow: number, n: number): string {
  const first = weekday(fmt(y, m, 1));
  return fmt(y, m, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
}

function lastWeekday(y: number, m: number, dow: number): string {
  const end = fmt(y, m, lastDay(y, m));
  return addDays(end, -((weekday(end) - dow + 7) % 7));
}

function easter(y: number): string {
  // Anonymous Gregorian algorithm.
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return fmt(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}

const HOLIDAYS: Array<[RegExp, (y: number) => string]> = [
  [/\bthanksgiving(?: day)?\b/, (y) => nthWeekday(y, 11, 4, 4)],
  [/\bblack friday\b/, (y) => addDays(nthWeekday(y, 11, 4, 4), 1)],
  [/\bsmall business saturday\b/, (y) => addDays(nthWeekday(y, 11, 4, 4), 2)],
  [/\bcyber monday\b/, (y) => addDays(nthWeekday(y, 11, 4, 4), 4)],
  [/\bchristmas eve\b/, (y) => fmt(y, 12, 24)],
  [/\b(?:christmas|xmas)(?: day)?\b/, (y) => fmt(y, 12, 25)],
  [/\bboxing day\b/, (y) => fmt(y, 12, 26)],
  [/\bnew year'?s eve\b/, (y) => fmt(y, 12, 31)],
  [/\bnew year'?s(?: day)?\b/, (y) => fmt(y, 1, 1)],
  [/\bvalentine'?s(?: day)?\b/, (y) => fmt(y, 2, 14)],
  [/\b(?:st\.? )?patrick'?s day\b/, (y) => fmt(y, 3, 17)],
  [/\beaster(?: sunday)?\b/, (y) => easter(y)],
  [/\bmother'?s day\b/, (y) => nthWeekday(y, 5, 0, 2)],
  [/\bmemorial day\b/, (y) => lastWeekday(y, 5, 1)],
  [/\bfather'?s day\b/, (y) => nthWeekday(y, 6, 0, 3)],
  [/\b(?:independence day|(?:the )?(?:4th|fourth) of july|july (?:4th|fourth))\b/, (y) => fmt(y, 7, 4)],
  [/\blabor day\b/, (y) => nthWeekday(y, 9, 1, 1)],
  [/\bveterans'? day\b/, (y) => fmt(y, 11, 11)],
  [/\b(?:presidents'? day|washington'?s birthday)\b/, (y) => nthWeekday(y, 2, 1, 3)],
  [/\b(?:mlk|martin luther king(?: jr\.?)?) day\b/, (y) => nthWeekday(y, 1, 1, 3)],
  [/\bcinco de mayo\b/, (y) => fmt(y, 5, 5)],
  [/\bjuneteenth\b/, (y) => fmt(y, 6, 19)],
  [/\bhalloween\b/, (y) => fmt(y, 10, 31)],
];

/** Replaces named retail days with explicit dates (next occurrence on or after today) for chrono; also returns the spelled dates so callers can tell a holiday from a typed date. */
export function substituteHolidays(text: string, today: string): { text: string; spelled: Set<string> } {
  const t = parseYmd(today);
  const spelled = new Set<string>();
  let out = text;
  for (const [re, at] of HOLIDAYS) {
    out = out.replace(new RegExp(re.source, "gi"), () => {
      let iso = at(t.y);
      if (iso < today) iso = at(t.y + 1);
      const { y, m, d } = parseYmd(iso);
      const words = `${MONTHS[m - 1]} ${d} ${y}`;
      spelled.add(words);
      return words;
    });
  }
  return { text: out, spelled };
}
