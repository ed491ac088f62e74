import { rx } from "./patterns";
// Promo codes named in a brief: "code DEALER20", "promo code: fall10", "use FALL10 at checkout",
// "change the code to XMAS15", quoted "SPRING25". Only tokens that look like codes count; words
// such as "at" or "needed" after "code" are not codes.

export type CodeMatch = { code: string; index: number; end: number };

const STOP = new Set([
  "AT", "AND", "THE", "FOR", "TO", "IS", "WILL", "WITH", "ON", "IN", "OF", "OR", "IT", "THAT", "THIS", "A", "AN",
  "NEEDED", "REQUIRED", "NECESSARY", "REDEMPTION", "REDEMPTIONS", "USE", "USES", "ONLY", "PER", "CHECKOUT", "BOGO",
  "USD", "GBP", "EUR", "VIP", "VIPS", "ONLINE", "INSTORE", "FREE", "OFF", "SHOULD", "BE", "CAN", "CODE", "CODES",
  "PROMO", "COUPON", "BASED", "GENERATED", "UNIQUE", "SINGLE", "WHICH", "THEY", "YOU", "FROM", "BY", "AS",
  "SHOPIFY", "WIX", "HUB", "MARKETPLACE", "QR", "SMS", "EMAIL", "LINK", "AUTO", "AUTOMATIC",
]);
const TOKEN = String.raw`["'“‘]?([A-Za-z0-9][A-Za-z0-9_-]{1,31})["'”’]?`;

// After an explicit code keyword any code-shaped token counts (lowercase too if it has a digit).
const AFTER_KEYWORD = rx(
  "codes.AFTER_KEYWORD",
  String.raw`\b(?:(?:promo(?:tional)?|coupon|discount|voucher|offer|redemption|the)\s{0,3})?codes?\b(?:\s{1,3}(?:to|is|of|from|will be|should be|would be)(?=\s)|\s{0,3}[=:])?\s{0,3}` + TOKEN,
  "gi",
);
// "use FALL10 at checkout", "enter SAVE20": needs the token to be upper-case in the original.
// The token's shape is checked in code (codeShaped): one bounded token here keeps the match linear.
const AFTER_VERB = /\b(?:use|enter|apply|redeem|type|with)\s{1,3}["'“‘]?([A-Z0-9][A-Z0-9_-]{0,31})["'”’]?(?=\s{1,3}(?:at|in|during|on|for|to|when)\b|[\s.,;!)]|$)/g;

/** A code written after a verb: letters then a digit somewhere, four or more capitals, or digits then capitals. */
function codeShaped(t: string): boolean {
  return (/^[A-Z]/.test(t) && /\d/.test(t)) || /^[A-Z]{4,32}\d{0,28}$/.test(t) || /^\d{1,30}[A-Z][A-Z0-9]{0,30}$/.test(t);
}

function looksLikeCode(raw: string, strict: boolean): boolean {
  const up = raw.toUpperCase();
  if (STOP.has(up) || up.length < 3) return false;
  if (/^\d+$/.test(up)) return false; // bare numbers are amounts or limits, not codes
  const hasDigit = /\d/.test(raw);
  const isUpper = raw === up && /[A-Z]/.test(raw);
  return strict ? isUpper && (hasDigit || raw.length >= 4) : hasDigit || isUpper;
}

/** Finds promo codes so they can be stored upper-case and kept away from the number extractors. */
export function findCodes(text: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  const push = (code: string, index: number, len: number) => {
    if (!out.some((c) => c.index === index)) out.push({ code: code.toUpperCase(), index, end: index + len });
  };
  for (const m of text.matchAll(AFTER_KEYWORD)) {
    // "no code needed" / "code-free": an explicit absence, not a code.
    if (/\bno\s{1,3}(?:promo\s{1,3})?codes?\b/i.test(text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length))) continue;
    if (!looksLikeCode(m[1], false)) continue;
    const at = m.index! + m[0].lastIndexOf(m[1]);
    push(m[1], at, m[1].length);
  }
  for (const m of text.matchAll(AFTER_VERB)) {
    if (!codeShaped(m[1]) || !looksLikeCode(m[1], true)) continue;
    push(m[1], m.index! + m[0].indexOf(m[1]), m[1].length);
  }
  if (out.length > 0) {
    // Once the brief talks codes, other code-shaped tokens are codes too ("codes ALPHA1 and BETA2").
    for (const m of text.matchAll(/\b([A-Z][A-Z0-9_-]{0,31})\b/g)) {
      if (m[1].length >= 4 && /\d/.test(m[1]) && looksLikeCode(m[1], true) && !/^Q[1-4]\d{4}$/.test(m[1])) push(m[1], m.index!, m[1].length);
    }
  }
  for (const m of text.matchAll(/["“]([A-Z][A-Z0-9_-]{2,31})["”]/g)) {
    if (/\d/.test(m[1]) && looksLikeCode(m[1], true)) push(m[1], m.index! + 1, m[1].length);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Whether the brief talks about a code at all (even without naming one): redemption is by code. */
export function mentionsCode(text: string): boolean {
  const cleaned = text.replace(/\b(?:bar|qr)[\s-]?codes?\b/gi, " ").replace(/\bno\s{1,3}(?:promo\s{1,3})?codes?\b[^.;]{0,200}/gi, " ");
  return /\bcodes?\b/i.test(cleaned);
}
