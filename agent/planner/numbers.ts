import { rx } from "./patterns";

// Numbers, money and percentages as marketers write them: "$50k", "50,000 USD", "£40", "€1.5k",
// "1.2 million", "20 pct", "twenty percent". Everything here is pure and works on plain strings.
// Every number token starts where a digit run starts and has a bounded length, so a long run of
// digits or thousands groups costs linear time in any pattern built from these pieces.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), "a", "and"].join("|")})`;
const WORD_RUN = rx("numbers.WORD_RUN", `\\b${WORD}\\b(?:[\\s-]{1,3}${WORD}\\b){0,12}`, "gi");

/** Converts a run of number words ("twenty five", "two hundred") to its value, or null if it is not one. */
export function wordsToNumber(words: string): number | null {
  const parts = words.toLowerCase().split(/[\s-]+/).filter((w) => w !== "and");
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  let sawNumber = false;
  // "million" on its own is the suffix of a digit amount ("1.2 million"), not a number.
  if (parts[0] in SCALES) return null;
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i];
    if (w === "a") {
      // "a thousand", "a hundred": only meaningful before a scale word.
      if (!(parts[i + 1] in SCALES)) return null;
      current = 1;
    } else if (w in UNITS) { current += UNITS[w]; sawNumber = true; }
    else if (w in TENS) { current += TENS[w]; sawNumber = true; }
    else if (w === "hundred") { current = (current || 1) * 100; sawNumber = true; }
    else if (w in SCALES) { total += (current || 1) * SCALES[w]; current = 0; sawNumber = true; }
    else return null;
  }
  return sawNumber ? total + current : null;
}

const HALF_A = /\b(?:half\s(?:a|of\s(?:a|one))|a\shalf)\s(million|thousand|grand)\b/gi;
const QUARTER_A = /\b(?:a\s)?quarter(?:\sof\sa)?\s(million)\b/gi;
const AND_A_HALF = rx("numbers.AND_A_HALF", `\\b(${WORD}|\\d{1,3})\\sand\\sa\\shalf\\s(million|thousand|grand|k)\\b`, "gi");

/** Rewrites number words as digits so every extractor only has to understand digits. */
export function digitizeWords(text: string): string {
  // Fractions of a scale ("two and a half thousand", "half a million"): compromise reads the first as 2000.
  const fractions = text
    .replace(AND_A_HALF, (all, n: string, scale: string) => {
      const whole = /^\d+$/.test(n) ? Number(n) : wordsToNumber(n);
      return whole === null ? all : `${whole}.5 ${scale}`;
    })
    .replace(HALF_A, (_a, scale: string) => `0.5 ${scale}`)
    .replace(QUARTER_A, (_a, scale: string) => `0.25 ${scale}`);
  return fractions.replace(WORD_RUN, (run) => {
    // "code ONE" is a code, not a number: shouted words stay as written.
    if (run.length > 1 && run === run.toUpperCase() && /[A-Z]{2}/.test(run)) return run;
    // Keep a lone "a"/"and" and articles that are not part of a number.
    const trimmed = run.replace(/^(?:(?:a|and)[\s-]+)+(?!hundred|thousand|million)/i, "");
    const lead = run.slice(0, run.length - trimmed.length);
    const n = wordsToNumber(trimmed);
    return n === null ? run : lead + String(n);
  });
}

/** A number with an optional magnitude suffix, as a regex source: 50,000 · 1.5k · 1.2 million · 2M. */
export const NUM = String.raw`(?<![\d,])(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,4})?(?:\s?(?:million|thousand|grand|mil|bn|billion|[kK])\b|[mM]\b)?`;
const CUR_PREFIX = String.raw`(?:us\$|usd|gbp|eur|[$£€])`;
const CUR_SUFFIX = String.raw`(?:usd|dollars?|bucks|gbp|pounds?|quid|eur|euros?|[€£])`;
/** An amount with or without a currency on either side, as a regex source. */
export const AMOUNT = String.raw`(?:${CUR_PREFIX}\s?${NUM}(?:\s?${CUR_SUFFIX}\b)?|${NUM}(?:\s?${CUR_SUFFIX}(?![a-z]))?)`;
/** An amount that certainly names money (has a currency on one side). */
export const MONEY = String.raw`(?:${CUR_PREFIX}\s?${NUM}|${NUM}\s?${CUR_SUFFIX}(?![a-z]))`;
/** A percentage: 20% · 20 pct · 20 percent · 20 per cent. */
export const PERCENT = String.raw`(?<![\d.])(\d{1,6}(?:\.\d{1,4})?)\s?(?:%|pct\b|per\s?cent\b|percent\b)`;
const MONEY_G = rx("numbers.MONEY", MONEY, "gi");
const PERCENT_G = rx("numbers.PERCENT", PERCENT, "gi");
const PREFIX_AT_START = rx("numbers.PREFIX_AT_START", `^(${CUR_PREFIX})\\s?`, "i");
const SUFFIX_AT_END = rx("numbers.SUFFIX_AT_END", `\\s?(${CUR_SUFFIX})$`, "i");
/** A percentage or an amount with a currency: what the date reader must not see as a date. */
export const PERCENT_OR_MONEY = rx("numbers.PERCENT_OR_MONEY", `${PERCENT}|${MONEY}`, "gi");

export type Amount = { value: number; currency: string | null };

/** Turns "50,000" / "1.5k" / "1.2 million" into a number; null when it is not a clean number. */
export function parseNumber(raw: string): number | null {
  const m = /^(\d[\d,]{0,20}(?:\.\d{1,4})?)\s?(million|thousand|grand|mil|bn|billion|k|m)?$/i.exec(raw.trim());
  if (!m) return null;
  const digits = m[1];
  // "1,5" is a European decimal, not a thousands group: refuse rather than guess.
  if (/,/.test(digits) && !/^\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,4})?$/.test(digits)) return null;
  const base = Number(digits.replace(/,/g, ""));
  const mult = (m[2] ?? "").toLowerCase();
  const factor = mult === "k" || mult === "thousand" || mult === "grand" ? 1e3
    : mult === "m" || mult === "million" || mult === "mil" ? 1e6
    : mult === "bn" || mult === "billion" ? 1e9 : 1;
  return Number.isFinite(base) ? Math.round(base * factor * 100) / 100 : null;
}

/** Maps a currency token to ISO 4217; "$" is read as USD, the product's home currency. */
export function currencyOf(token: string): string | null {
  const t = token.toLowerCase();
  if (t === "£" || t === "gbp" || t.startsWith("pound") || t === "quid") return "GBP";
  if (t === "€" || t === "eur" || t.startsWith("euro")) return "EUR";
  if (t === "$" || t === "us$" || t === "usd" || t.startsWith("dollar") || t === "bucks") return "USD";
  return null;
}

/** Parses one AMOUNT match ("$50k", "50,000 USD", "€1.5k") into value and currency. */
export function parseAmount(raw: string): Amount | null {
  const s = raw.trim();
  const pre = PREFIX_AT_START.exec(s);
  let rest = pre ? s.slice(pre[0].length) : s;
  const suf = SUFFIX_AT_END.exec(rest);
  if (suf) rest = rest.slice(0, rest.length - suf[0].length);
  const value = parseNumber(rest);
  if (value === null) return null;
  const currency = pre ? currencyOf(pre[1]) : suf ? currencyOf(suf[1]) : null;
  return { value, currency };
}

/** Every money mention with its position, so callers can reason about nearby words. */
export function findMoney(text: string): Array<Amount & { index: number; end: number }> {
  const out: Array<Amount & { index: number; end: number }> = [];
  for (const m of text.matchAll(MONEY_G)) {
    const a = parseAmount(m[0]);
    if (a) out.push({ ...a, index: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Every percentage mention with its position. */
export function findPercents(text: string): Array<{ value: number; index: number; end: number }> {
  return [...text.matchAll(PERCENT_G)].map((m) => ({
    value: Number(m[1]), index: m.index!, end: m.index! + m[0].length,
  }));
}
