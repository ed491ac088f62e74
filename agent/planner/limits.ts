import { NUM, parseNumber } from "./numbers";
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
  [new RegExp(String.raw`\b(?:(?:limit|max(?:imum)?|uses?)[ _-])?per[ _-](?:${WHO}|${HOLDER})\s*[:=]\s*${N}`, "gi"), (m) => parseNumber(m[1])],
  [new RegExp(String.raw`\b(?:limit(?:ed)?[ \t]*(?:of|to|:)?[ \t]*|max(?:imum)?[ \t]*(?:of[ \t]*)?|up to[ \t]*)?${N}[ \t]*(?:${USE}[ \t]*)?(?:${PER}[ \t]+|\/[ \t]*)(?:single\s+|unique\s+|individual\s+)?(?:${WHO}|${HOLDER})\b`, "gi"), (m) => parseNumber(m[1])],
  [new RegExp(String.raw`\b${N}\s*${USE}\s+(?:each|apiece)\b`, "gi"), (m) => parseNumber(m[1])],
  [new RegExp(String.raw`\b(once|twice)\s+(?:${PER}\s+|only\s+${PER}\s+)${WHO}\b`, "gi"), (m) => (m[1].toLowerCase() === "once" ? 1 : 2)],
  [new RegExp(String.raw`\b(?:each|every|any)\s+(?:${WHO}|${HOLDER})\s+(?:(?:can|may|could|gets?|is limited to|is allowed(?: to)?|will be able to)\s+)?(?:(?:use|redeem)\s+(?:it|the code|the offer|this)?\s*)?(?:only\s+)?(?:up to\s+|a maximum of\s+|max(?:imum)?\s+(?:of\s+)?)?(?:${N}|(once|twice))\b(?!\s*(?:%|pct|percent|off|[$£€]))`, "gi"),
    (m) => (m[1] ? parseNumber(m[1]) : m[2].toLowerCase() === "once" ? 1 : 2)],
  [new RegExp(String.raw`\b(?:single[- ]use|1[- ]time[- ]use|1[- ]use|one[- ]time[- ]use|(?:limit|max(?:imum)?)\s+(?:of\s+)?1\s+(?:use|redemption)\b)`, "gi"), () => 1],
  [new RegExp(String.raw`\b(?:per[- ]${WHO}|customer)\s+(?:usage\s+)?(?:limit|cap|max(?:imum)?)\s*(?:of|is|to|:|=)?\s*${N}`, "gi"), (m) => parseNumber(m[1])],
];

const TOTAL: Array<RegExp> = [
  // Form fields first: "Total redemptions: 5000" must not read the line above's number.
  new RegExp(String.raw`\b(?:total|overall)(?:\s+(?:usage\s+)?(?:limit|cap|uses|redemptions))?\s*[:=]\s*${N}`, "gi"),
  new RegExp(String.raw`\b(?:first|1st)\s+${N}\s+(?:${WHO}|orders?|redemptions?|sign-?ups?|buyers?|responders?|people|callers?)\b`, "gi"),
  new RegExp(String.raw`\b(?:total|overall|global|campaign|max(?:imum)?|program)\s+(?:usage\s+|redemption\s+|use\s+)?(?:limit|cap|max(?:imum)?)\s*(?:of|is|to|at|:|=)?\s*${N}`, "gi"),
  new RegExp(String.raw`\b(?:(?:limit(?:ed)?|cap(?:ped)?|max(?:imum)?|up)\s*(?:of|to|at)?\s*)?${N}[ \t]*(?:total[ \t]+|overall[ \t]+|in total[ \t]+)?(?:redemptions?|uses?|claims?|coupons|vouchers|codes)\b(?:\s+(?:total|in total|overall|max(?:imum)?|available|across all)\b)?`, "gi"),
  new RegExp(String.raw`\b(?:limit(?:ed)?\s+to|capped at|only|up to|max(?:imum)?(?:\s+of)?)\s+${N}\s+(?:${WHO}|orders?|people)\b`, "gi"),
  new RegExp(String.raw`\b(?:redemptions?|uses?)\s+(?:capped|limited)\s+(?:at|to)\s+${N}`, "gi"),
  new RegExp(String.raw`(?<![$£€]\s?)\b${N}[ \t]+(?:total|overall|in total|max(?:imum)?(?: total)?)\b(?!\s+(?:budget|spend|discount|off))`, "gi"),
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
