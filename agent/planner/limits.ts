import { NUM, parseNumber } from "./numbers";
import { rx } from "./patterns";
import type { Scan } from "./text";

// Usage limits: per customer ("3 per customer", "limit 3 uses per person", "once per member",
// "single-use") and in total ("1000 total redemptions", "first 500 customers", "capped at 2,000
// uses"). Claimed before dates so chrono never reads "500" as a year.

export type Limits = { perCustomer: number | null; total: number | null; notes: string[] };

const WHO = String.raw`(?:customers?|persons?|people|person|users?|members?|dealers?|households?|accounts?|shoppers?|buyers?|guests?|cardholders?|emails?|visitors?|students?|clients?|patrons?|individuals?|employees?|phone numbers?|devices?|cards?|riders?|drivers?|diners?)`;
// Who a per-person limit counts: any noun but units of time or of purchase ("3 per teacher", "2/cust").
const HOLDER = String.raw`(?!(?:day|week|month|year|hour|night|order|transaction|purchase|visit|item|product|unit|line|sku|cart|basket|code|use|time|redemption)s?\b)[a-z]{3,}`;
const USE = String.raw`(?:uses?|redemptions?|times?|codes?|coupons?|vouchers?|claims?|orders?|purchases?|transactions?|x)`;
const PER = String.raw`(?:per|each|a|an|\/|for each|for every|every)`;
const N = `(${NUM})`;

const PER_CUSTOMER: Array<[RegExp, (m: RegExpMatchArray) => number | null]> = [
  [rx("limits.per.field", String.raw`\b(?:(?:limit|max(?:imum)?|uses?)[ _-])?per[ _-](?:${WHO}|${HOLDER})\s{0,3}[:=]\s{0,3}${N}`, "gi"), (m) => parseNumber(m[1])],
  [rx("limits.per.n-per-who", String.raw`\b(?:limit(?:ed)?(?:[ \t]{0,3}(?:of|to|:))?[ \t]{0,3}|max(?:imum)?(?:[ \t]{0,3}of)?[ \t]{0,3}|up to[ \t]{0,3})?${N}[ \t]{0,3}(?:${USE}[ \t]{0,3})?(?:${PER}[ \t]{1,3}|\/[ \t]{0,3})(?:single\s{1,3}|unique\s{1,3}|individual\s{1,3})?(?:${WHO}|${HOLDER})\b`, "gi"), (m) => parseNumber(m[1])],
  [rx("limits.per.uses-each", String.raw`\b${N}\s{0,3}${USE}\s{1,3}(?:each|apiece)\b`, "gi"), (m) => parseNumber(m[1])],
  [rx("limits.per.once-per", String.raw`\b(once|twice)\s{1,3}(?:only\s{1,3})?${PER}\s{1,3}${WHO}\b`, "gi"), (m) => (m[1].toLowerCase() === "once" ? 1 : 2)],
  [rx("limits.per.each-who-can", String.raw`\b(?:each|every|any)\s{1,3}(?:${WHO}|${HOLDER})\s{1,3}(?:(?:can|may|could|gets?|is limited to|is allowed(?: to)?|will be able to)\s{1,3})?(?:(?:use|redeem)\s{1,3}(?:(?:it|the code|the offer|this)\s{1,3})?)?(?:only\s{1,3})?(?:up to\s{1,3}|a maximum of\s{1,3}|max(?:imum)?\s{1,3}(?:of\s{1,3})?)?(?:${N}|(once|twice))\b(?!\s{0,3}(?:%|pct|percent|off|[$£€]))`, "gi"),
    (m) => (m[1] ? parseNumber(m[1]) : m[2].toLowerCase() === "once" ? 1 : 2)],
  [rx("limits.per.single-use", String.raw`\b(?:single[- ]use|1[- ]time[- ]use|1[- ]use|one[- ]time[- ]use|(?:limit|max(?:imum)?)\s{1,3}(?:of\s{1,3})?1\s{1,3}(?:use|redemption)\b)`, "gi"), () => 1],
  [rx("limits.per.customer-limit", String.raw`\b(?:per[- ]${WHO}|customer)\s{1,3}(?:usage\s{1,3})?(?:limit|cap|max(?:imum)?)\s{0,3}(?:(?:of|is|to|:|=)\s{0,3})?${N}`, "gi"), (m) => parseNumber(m[1])],
];

const TOTAL: Array<RegExp> = [
  // Form fields first: "Total redemptions: 5000" must not read the line above's number.
  rx("limits.total.field", String.raw`\b(?:total|overall)(?:\s{1,3}(?:usage\s{1,3})?(?:limit|cap|uses|redemptions))?\s{0,3}[:=]\s{0,3}${N}`, "gi"),
  rx("limits.total.first-n", String.raw`\b(?:first|1st)\s{1,3}${N}\s{1,3}(?:${WHO}|orders?|redemptions?|sign-?ups?|buyers?|responders?|people|callers?)\b`, "gi"),
  rx("limits.total.cap-of", String.raw`\b(?:total|overall|global|campaign|max(?:imum)?|program)\s{1,3}(?:usage\s{1,3}|redemption\s{1,3}|use\s{1,3})?(?:limit|cap|max(?:imum)?)\s{0,3}(?:(?:of|is|to|at|:|=)\s{0,3})?${N}`, "gi"),
  rx("limits.total.n-redemptions", String.raw`\b(?:(?:limit(?:ed)?|cap(?:ped)?|max(?:imum)?|up)\s{0,3}(?:(?:of|to|at)\s{0,3})?)?${N}[ \t]{0,3}(?:total[ \t]{1,3}|overall[ \t]{1,3}|in total[ \t]{1,3})?(?:redemptions?|uses?|claims?|coupons|vouchers|codes)\b(?:\s{1,3}(?:total|in total|overall|max(?:imum)?|available|across all)\b)?`, "gi"),
  rx("limits.total.limited-to-n-who", String.raw`\b(?:limit(?:ed)?\s{1,3}to|capped at|only|up to|max(?:imum)?(?:\s{1,3}of)?)\s{1,3}${N}\s{1,3}(?:${WHO}|orders?|people)\b`, "gi"),
  rx("limits.total.capped-at", String.raw`\b(?:redemptions?|uses?)\s{1,3}(?:capped|limited)\s{1,3}(?:at|to)\s{1,3}${N}`, "gi"),
  rx("limits.total.n-total", String.raw`(?<![$£€]\s?)\b${N}[ \t]{1,3}(?:total|overall|in total|max(?:imum)?(?: total)?)\b(?!\s{1,3}(?:budget|spend|discount|off))`, "gi"),
];

const toInt = (n: number | null) => (n !== null && Number.isInteger(n) && n > 0 ? n : null);

/** Claims per-customer and total usage limits; several different figures leave the field empty. */
export function takeLimits(scan: Scan): Limits {
  const notes: string[] = [];
  const per: number[] = [];
  for (const [re, read] of PER_CUSTOMER) {
    scan.take(re, (m) => {
      // "20% off per customer" or "$5 per member" are not limits.
      if (/[%$£€]|\b(?:pct|percent|off)\b/i.test(m[0])) return false;
      const v = toInt(read(m));
      if (v === null) return false;
      per.push(v);
      return true;
    });
  }
  const total: number[] = [];
  for (const re of TOTAL) {
    scan.take(re, (m) => {
      const before = scan.text.slice(Math.max(0, m.index! - 2), m.index!);
      if (/[$£€]/.test(before) || /[%$£€]/.test(m[0])) return false;
      // "limit 3 uses" could be per customer or overall; a campaign-sized cap ("capped at 2,000 uses") is not.
      const totalWord = /\b(?:total|overall|across|available)/i.test(m[0]);
      const capWord = /\b(?:limit|cap|max|up)/i.test(m[0]) && (parseNumber(m[1]) ?? 0) >= 10;
      if (/\buses?\b/i.test(m[0]) && !totalWord && !capWord && per.length === 0) {
        notes.push(`"${m[0].trim()}" does not say per customer or in total; left empty.`);
        return false;
      }
      const v = toInt(parseNumber(m[1]));
      if (v === null) return false;
      total.push(v);
      return true;
    });
  }
  const one = (xs: number[], label: string) => {
    const u = [...new Set(xs)];
    if (u.length > 1) notes.push(`Several ${label} limits (${u.join(", ")}); left empty.`);
    return u.length === 1 ? u[0] : null;
  };
  return { perCustomer: one(per, "per-customer"), total: one(total, "total usage"), notes };
}
