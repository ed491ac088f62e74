import { AMOUNT, MONEY, parseAmount, type Amount } from "./numbers";
import type { Scan } from "./text";

// Budget and minimum spend. Both are amounts the marketer writes next to a telling word
// ("budget 50000", "$50k budget", "on orders over $75", "your $50+ order"); they are claimed
// before the offer value is read, so "$10 off your $50+ order" leaves only "$10" for the value.

export type MoneyTerms = { totalBudget: Amount | null; minimumSpend: Amount | null; currencies: string[]; notes: string[] };

const A = `(${AMOUNT})`;
const M = `(${MONEY})`;
// Includes the common misspellings of "budget": a typo must not turn the amount into something else.
const BUDGET_NOUN = String.raw`(?:(?:total|campaign|marketing|overall|promo(?:tion)?|program|offer|discount|spend)\s+)?(?:budget|buget|budjet|budgte|bugdet)`;

const BUDGET_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b${BUDGET_NOUN}(?:\s+(?:of|is|at|to|=|around|about|roughly|approximately|approx\.?|like|set at|set to|~|up to|capped at|cap(?:ped)?|should be|will be|be|limit(?:ed)? to|max(?:imum)?(?: of)?))*\s*[:=]?\s*${A}`, "gi"),
  new RegExp(String.raw`${A}\s+(?:(?:in|of)\s+)?${BUDGET_NOUN}\b`, "gi"),
  new RegExp(String.raw`\b(?:set aside|allocated?|earmarked?|funded with|funding of)\s+${A}`, "gi"),
  new RegExp(String.raw`\b(?:spend(?:ing)?|budget|cost)\s+(?:ceiling|cap|limit)\s*(?:of|at|is|:|=)?\s*${A}`, "gi"),
  new RegExp(String.raw`\b(?:capped at|cap(?:ped)? of|up to|max(?:imum)? of)\s+${A}\s+(?:in\s+)?(?:total\s+|overall\s+)?(?:spend|spending|cost|payouts?)\b`, "gi"),
  new RegExp(String.raw`${A}\s+(?:total|overall|max(?:imum)?)\s+(?:spend|spending|cost|payouts?)\b`, "gi"),
  new RegExp(String.raw`\b(?:spend(?:ing)?\s+cap|cap\s+(?:total\s+)?spend(?:ing)?|total\s+spend|max(?:imum)?\s+(?:total\s+)?spend|spend(?:ing)?\s+(?:up to|no more than|at most))\s*(?:of|at|to|is|:)?\s*${A}`, "gi"),
];

const ORDER_NOUN = String.raw`(?:orders?|purchases?|spend(?:ing)?|baskets?|carts?|transactions?|subtotals?|checkouts?|bills?|tickets?)`;
const MIN_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\bmin(?:imum|\.)?[\s_]*(?:order|spend|purchase|basket|cart|transaction|subtotal)[\s_]*(?:value|amount|size|total)?\s*(?:of|is|to|at|:|=)?\s*${A}`, "gi"),
  new RegExp(String.raw`\b(?:min(?:imum|\.)?|at least)\s*(?:of|is|:|=)?\s*${M}`, "gi"),
  new RegExp(String.raw`\b${ORDER_NOUN}\s+(?:of\s+)?(?:over|above|exceeding|totall?ing|worth|at least|greater than|more than|>=?|of)\s*${A}`, "gi"),
  new RegExp(String.raw`${M}\s*(?:\+|or more|and up|and above|or above|minimum|min\b)\s*${ORDER_NOUN}?`, "gi"),
  new RegExp(String.raw`\b(?:spend|buy|purchase)\s+(?:at least\s+|over\s+|more than\s+|a minimum of\s+)?${M}`, "gi"),
  new RegExp(String.raw`\b(?:spend|spending|orders?|purchases?)\s+(?:of\s+)?(?:at least\s+)?${A}\s*(?:\+|or more|and up|and above|or above)`, "gi"),
  new RegExp(String.raw`${M}\s+(?:order|purchase|basket|cart)\s+minimum\b`, "gi"),
  new RegExp(String.raw`\b(?:a|an|any|your|each)\s+${M}\s*\+?\s*(?:purchase|order|spend|shop|basket|cart|transaction|bill)\b`, "gi"),
  new RegExp(String.raw`(?<=\boff\s+)${M}(?!\s*(?:off|discount))`, "gi"),
  new RegExp(String.raw`\b(?:over|above|exceeding|of at least)\s+${M}`, "gi"),
];

function firstAmount(scan: Scan, patterns: RegExp[], label: string, notes: string[]): Amount | null {
  const found: Amount[] = [];
  for (const re of patterns) {
    scan.take(re, (m) => {
      const a = parseAmount(m[1]);
      if (!a) return false;
      found.push(a);
      return true;
    });
  }
  const values = [...new Set(found.map((a) => a.value))];
  if (values.length > 1) {
    notes.push(`The brief names several ${label} amounts (${values.join(", ")}); ${label} left empty.`);
    return null;
  }
  return found[0] ?? null;
}

/** Claims budget and minimum-spend amounts; conflicting figures are left empty with a note. */
export function takeMoneyTerms(scan: Scan): MoneyTerms {
  const notes: string[] = [];
  const totalBudget = firstAmount(scan, BUDGET_PATTERNS, "budget", notes);
  const minimumSpend = firstAmount(scan, MIN_PATTERNS, "minimum spend", notes);
  const currencies = [totalBudget?.currency, minimumSpend?.currency].filter((c): c is string => !!c);
  return { totalBudget, minimumSpend, currencies, notes };
}
