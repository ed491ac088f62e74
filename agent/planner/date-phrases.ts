import { addDays, fmt, lastDay, MONTHS, parseYmd, weekday, yearForMonth } from "./calendar";
import { rx } from "./patterns";

// Rewrites the date phrases chrono-node does not resolve the way a marketer means them into
// explicit dates it does: quarters, "end of the month", "next week", slashed dates (deciding
// month-first vs day-first), and pulls out durations ("for two weeks") for the caller to apply.

export type Duration = { count: number; unit: "day" | "week" | "month" };

const MONTH_RE = `(?:${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
const spell = (iso: string) => {
  const { y, m, d } = parseYmd(iso);
  return `${MONTHS[m - 1]} ${d} ${y}`;
};
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3).toLowerCase())) + 1;
const blank = (s: string) => " ".repeat(s.length);
/** A day-precise date: "dec 1", "1st of december", "12/10". */
const EXPLICIT_DAY = rx("date-phrases.EXPLICIT_DAY",
  String.raw`\b${MONTH_RE}\.?\s{0,3}\d{1,2}(?!\d)|\b\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?${MONTH_RE}\b|(?<![\d/])\d{1,2}\/\d{1,2}(?![\d%])`, "i");
const EARLY_MID_LATE = rx("date-phrases.EARLY_MID_LATE", `\\b(early|mid|late)[- ]?(${MONTH_RE})\\b`, "g");
const END_OF_MONTH = rx("date-phrases.END_OF_MONTH", `\\b(?:the )?end of (${MONTH_RE})\\b`, "g");
const ORDINAL_RANGE_OF_MONTH = rx("date-phrases.ORDINAL_RANGE_OF_MONTH",
  String.raw`(?:\bthe\s{1,3})?\b(\d{1,2})(?:st|nd|rd|th)\s{1,3}(to|through|until|till|-)\s{1,3}(?:the\s{1,3})?(\d{1,2})(?:st|nd|rd|th)\s{1,3}of\s{1,3}(${MONTH_RE})\b`, "g");
const ORDINAL_OF_MONTH = rx("date-phrases.ORDINAL_OF_MONTH", String.raw`(?:\bthe\s{1,3})?\b(\d{1,2})(?:st|nd|rd|th)\s{1,3}of\s{1,3}(${MONTH_RE})\b`, "g");

/** Rewrites vague/compound date phrases into explicit dates; returns the text and any duration. */
export function rewriteExpressions(input: string, today: string, notes: string[], dayFirstLocale: boolean): { text: string; duration: Duration | null } {
  const t = parseYmd(today);
  let s = input;

  s = s.replace(EARLY_MID_LATE, (all) => {
    notes.push(`"${all}" is not a precise date; left empty.`);
    return blank(all);
  });
  s = s.replace(/\b(?:the )?(?:end of (?:the |this )?(?:calendar )?year|year[- ]end)\b/g, () => `end ${spell(fmt(t.y, 12, 31))}`);
  s = s.replace(/\b(?:the )?end of (?:the |this )?month\b/g, () => `end ${spell(fmt(t.y, t.m, lastDay(t.y, t.m)))}`);
  s = s.replace(/\b(?:the )?end of next month\b/g, () => {
    const y = t.m === 12 ? t.y + 1 : t.y, m = t.m === 12 ? 1 : t.m + 1;
    return `end ${spell(fmt(y, m, lastDay(y, m)))}`;
  });
  s = s.replace(END_OF_MONTH, (_a, name: string) => {
    const m = monthIndex(name), y = yearForMonth(m, today);
    return `end ${spell(fmt(y, m, lastDay(y, m)))}`;
  });

  const quarterRange = (q?: string, word?: string, rel?: string, year?: string) => {
    const current = Math.ceil(t.m / 3);
    let n = q ? Number(q) : word ? ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"].indexOf(word) % 4 + 1 : current;
    let y = year ? Number(year) : t.y;
    if (rel === "next") { n = current === 4 ? 1 : current + 1; if (current === 4) y += 1; }
    else if (!year && !rel && n < current) y += 1;
    const m1 = n * 3 - 2, m3 = n * 3;
    return `${spell(fmt(y, m1, 1))} to ${spell(fmt(y, m3, lastDay(y, m3)))}`;
  };
  // "Q4 push: 20% off Dec 1 to Dec 31": next to a day-precise date the quarter is the goal's context.
  const quarterIsContext = EXPLICIT_DAY.test(s);
  s = s.replace(/\bbetween\b(\s{1,3}[^.;!?\n]{1,40}?\s)and\b/g, (_a, middle: string) => `from${middle}to`);
  s = s.replace(/\b(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter|(this|next) quarter)(?:\s{1,3}(?:of\s{1,3})?(20\d\d))?\b/g,
    (all, q: string | undefined, word: string | undefined, rel: string | undefined, year: string | undefined) => {
      if (quarterIsContext) return blank(all);
      return quarterRange(q, word, rel, year);
    });

  const w = weekday(today);
  s = s.replace(/\bnext week\b/g, () => {
    const mon = addDays(today, ((8 - w) % 7) || 7);
    return `${spell(mon)} to ${spell(addDays(mon, 6))}`;
  });
  s = s.replace(/\bthis week\b/g, () => `${spell(today)} to ${spell(addDays(today, (7 - w) % 7))}`);
  s = s.replace(/\b(?:this|the) weekend\b/g, () => {
    const sat = w === 0 ? addDays(today, -1) : addDays(today, (6 - w + 7) % 7);
    return `${spell(sat < today ? today : sat)} to ${spell(addDays(sat, 1))}`;
  });
  s = s.replace(/\bnext weekend\b/g, (all) => {
    notes.push(`"next weekend" could mean this coming weekend or the one after; dates left empty.`);
    return blank(all);
  });
  s = s.replace(/\bnext month\b/g, () => {
    const y = t.m === 12 ? t.y + 1 : t.y, m = t.m === 12 ? 1 : t.m + 1;
    return `${MONTHS[m - 1]} ${y}`;
  });
  s = s.replace(/\bthis month\b/g, () => `${MONTHS[t.m - 1]} ${t.y}`);

  let duration: Duration | null = null;
  const takeDuration = (count: string, unit: string) => {
    duration = { count: count === "a" || count === "an" ? 1 : Number(count), unit: unit as Duration["unit"] };
  };
  s = s.replace(/\bfor\s+(?:the\s+(?:next|first)\s+)?(\d+|a|an)\s*(day|week|month)s?\b/g, (all, n: string, u: string) => {
    takeDuration(n, u);
    return blank(all);
  });
  s = s.replace(/\b(\d{1,3})[- ](day|week|month)s?(?=[- ](?:long[- ])?(?:sale|promo|promotion|offer|campaign|event|window|flash)\b|\s{1,3}(?:starting|beginning|from|after)\b)/g,
    (all, n: string, u: string) => {
      takeDuration(n, u);
      return blank(all);
    });

  s = s.replace(/\b(?:runs?|running|lasts?|lasting|goes|going)\s+(?:for\s+)?(\d+|a|an)\s*(day|week|month)s?\b/g, (all, n: string, u: string) => {
    takeDuration(n, u);
    return blank(all);
  });

  // "the 1st to the 15th of december", "the 15th of december": chrono wants the month next to the day.
  s = s.replace(ORDINAL_RANGE_OF_MONTH,
    (_a, d1: string, sep: string, d2: string, m: string) => `${m} ${d1} ${sep === "-" ? "to" : sep} ${m} ${d2}`);
  s = s.replace(ORDINAL_OF_MONTH, (_a, d: string, m: string) => `${m} ${d}`);
  s = rewriteSlashedDates(s, today, notes, dayFirstLocale);
  s = rewriteBareMonths(s, today);
  // "july 1-july 14", "1 nov-15 dec": chrono reads "1-july" as a year; an explicit "to" it understands.
  s = s.replace(DASH_RANGE, (all, left: string, right: string) => (/^\d+$/.test(left) && /^\d/.test(right) ? all : `${left} to ${right}`));
  return { text: s, duration };
}

const FULL_MONTH = rx("date-phrases.FULL_MONTH", String.raw`(?<!\d(?:st|nd|rd|th)?\s{0,2}(?:of\s{1,3})?)\b(${MONTHS.filter((m) => m !== "may").join("|")}|(?<=\b(?:in|during|for|through|until|till|of|all|from|to|by|starting|ending|entire|whole|month of)\s{1,3})may)\b(?!\.?\s{0,3}\d)`, "g");

/** A month with no day or year ("in December", "all September long") gets its next-occurrence year. */
function rewriteBareMonths(s: string, today: string): string {
  return s
    .replace(/\b(?:the\s+)?(?:whole\s+|entire\s+|full\s+)?month\s+of\s+/g, "")
    .replace(FULL_MONTH, (name: string) => `${name} ${yearForMonth(monthIndex(name), today)}`);
}

const DASH_RANGE = rx("date-phrases.DASH_RANGE", String.raw`((?<!\d)\d{1,4}(?:st|nd|rd|th)?|\b[a-z]{3,12})\s{0,3}-\s{0,3}((?:\d{1,2}(?:st|nd|rd|th)?\s{1,3})?${MONTH_RE}\b|\d)`, "g");

const SLASHED = /(?<![\d/$£€.,])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/%])/g;

/** Resolves 12/31 and 25/12 style dates; both-small ones are ambiguous outside the US and stay empty. */
function rewriteSlashedDates(s: string, today: string, notes: string[], dayFirstLocale: boolean): string {
  const tokens = [...s.matchAll(SLASHED)].filter((m) => m[0] !== "24/7");
  // Evidence from the brief itself: one unambiguous token fixes the order of the others.
  const dayFirstSeen = tokens.some((m) => Number(m[1]) > 12 && Number(m[2]) <= 12);
  const monthFirstSeen = tokens.some((m) => Number(m[2]) > 12 && Number(m[1]) <= 12);
  return s.replace(SLASHED, (all, a: string, b: string, yy: string | undefined) => {
    // Whatever we do not resolve is blanked, so chrono cannot guess at it ("24/7", "13/13").
    if (all === "24/7") return blank(all);
    const x = Number(a), y = Number(b);
    let month: number, day: number;
    if (x > 12 && y <= 12) [day, month] = [x, y];
    else if (y > 12 && x <= 12) [month, day] = [x, y];
    else if (x <= 12 && y <= 12 && x === y) [month, day] = [x, y];
    else if (x <= 12 && y <= 12) {
      if (dayFirstSeen !== monthFirstSeen) [day, month] = dayFirstSeen ? [x, y] : [y, x];
      else if (dayFirstLocale || dayFirstSeen) {
        notes.push(`"${all}" could be day/month or month/day; date left empty.`);
        return blank(all);
      } else [month, day] = [x, y];
    } else return blank(all);
    if (month < 1 || day < 1 || day > 31) return blank(all);
    const year = yy ? (yy.length === 2 ? 2000 + Number(yy) : Number(yy)) : null;
    return year ? `${MONTHS[month - 1]} ${day} ${year}` : `${MONTHS[month - 1]} ${day}`;
  });
}
