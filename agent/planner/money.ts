import { AMOUNT, MONEY, parseAmount, type Amount } from "./numbers";
import { rx } from "./patterns";
import type { Scan } from "./text";

// Budget and minimum spend. Both are amounts the marketer writes next to a telling word
// ("budget 50000", "$50k budget", "on orders over $75", "your $50+ order"); they are claimed
// before the offer value is read, so "$10 off your $50+ order" leaves only "$10" for the value.

export type MoneyTerms = { totalBudget: Amount | null; minimumSpend: Amount | null; currencies: string[]; notes: string[] };

const A = `(${AMOUNT})`;
const M = `(${MONEY})`;
// Includes the common misspellings of "budget": a typo must not turn the amount into something else.
const BUDGET_NOUN = String.raw`(?:(?:total|campaign|marketing|overall|promo(?:tion)?|program|offer|discount|spend)\s{1,3})?(?:budget|buget|budjet|budgte|bugdet)`;

// Words between "budget" and its amount ("budget is capped at $50k"): at most three, each a whole word.
const BUDGET_LINK = String.raw`(?:of|is|at|to|=|around|about|roughly|approx(?:imately|\.)?|like|set|up|capped|cap|should|will|be|limit(?:ed)?|max(?:imum)?|~)`;
const BUDGET_PATTERNS: RegExp[] = [
  rx("money.budget.noun-amount", String.raw`\b${BUDGET_NOUN}(?:\s{1,3}${BUDGET_LINK}(?![a-z])){0,3}\s{0,3}(?:[:=]\s{0,3})?${A}`, "gi"),
  rx("money.budget.amount-noun", String.raw`${A}\s{1,3}(?:(?:in|of)\s{1,3})?${BUDGET_NOUN}\b`, "gi"),
  rx("money.budget.set-aside", String.raw`\b(?:set aside|allocated?|earmarked?|funded with|funding of)\s{1,3}${A}`, "gi"),
  rx("money.budget.ceiling", String.raw`\b(?:spend(?:ing)?|budget|cost)\s{1,3}(?:ceiling|cap|limit)\s{0,3}(?:(?:of|at|is|:|=)\s{0,3})?${A}`, "gi"),
  rx("money.budget.capped-spend", String.raw`\b(?:capped at|cap(?:ped)? of|up to|max(?:imum)? of)\s{1,3}${A}\s{1,3}(?:in\s{1,3})?(?:total\s{1,3}|overall\s{1,3})?(?:spend|spending|cost|payouts?)\b`, "gi"),
  rx("money.budget.amount-total-spend", String.raw`${A}\s{1,3}(?:total|overall|max(?:imum)?)\s{1,3}(?:spend|spending|cost|payouts?)\b`, "gi"),
  rx("money.budget.to-spend", String.raw`${A}\s{1,3}(?:to\s{1,3}(?:spend|invest|give away)|in\s{1,3}(?:spend|funding))\b`, "gi"),
  // Money the marketer says they have, as a goal-only brief puts it: "we have $50k", "we've got $30,000".
  rx("money.budget.we-have", String.raw`\b(?:we|i)(?:'ve|\s{1,3}have|\s{1,3}got)(?:\s{1,3}got)?\s{1,3}(?:about\s{1,3}|around\s{1,3}|roughly\s{1,3})?${M}`, "gi"),
  // Form answers: "Budget? A: $6,000", "Q: budget A: 6000".
  rx("money.budget.form-answer", String.raw`\b${BUDGET_NOUN}\s{0,3}\?\s{0,3}(?:(?:a|answer)\s{0,3}[:.\-]\s{0,3})?${A}`, "gi"),
  rx("money.budget.spend-cap", String.raw`\b(?:spend(?:ing)?\s{1,3}cap|cap\s{1,3}(?:total\s{1,3})?spend(?:ing)?|total\s{1,3}spend|max(?:imum)?\s{1,3}(?:total\s{1,3})?spend|spend(?:ing)?\s{1,3}(?:up to|no more than|at most))\s{0,3}(?:(?:of|at|to|is|:)\s{0,3})?${A}`, "gi"),
];

const ORDER_NOUN = String.raw`(?:orders?|purchases?|spend(?:ing)?|baskets?|carts?|transactions?|subtotals?|checkouts?|bills?|tickets?)`;
const MIN_PATTERNS: RegExp[] = [
  rx("money.min.field", String.raw`\bmin(?:imum|\.)?[\s_]{0,3}(?:order|spend|purchase|basket|cart|transaction|subtotal)(?:[\s_]{1,3}(?:value|amount|size|total))?\s{0,3}(?:(?:of|is|to|at|:|=)\s{0,3})?${A}`, "gi"),
  rx("money.min.at-least", String.raw`\b(?:min(?:imum|\.)?|at least)\s{0,3}(?:(?:of|is|:|=)\s{0,3})?${M}`, "gi"),
  rx("money.min.orders-over", String.raw`\b${ORDER_NOUN}\s{1,3}(?:of\s{1,3})?(?:over|above|exceeding|totall?ing|worth|at least|greater than|more than|>=?|of)\s{0,3}${A}`, "gi"),
  rx("money.min.amount-plus", String.raw`${M}\s{0,3}(?:\+|or more|and up|and above|or above|minimum|min\b)(?:\s{0,3}${ORDER_NOUN})?`, "gi"),
  rx("money.min.spend-amount", String.raw`\b(?:spend|buy|purchase)\s{1,3}(?:at least\s{1,3}|over\s{1,3}|more than\s{1,3}|a minimum of\s{1,3})?${M}`, "gi"),
  rx("money.min.spend-plus", String.raw`\b(?:spend|spending|orders?|purchases?)\s{1,3}(?:of\s{1,3})?(?:at least\s{1,3})?${A}\s{0,3}(?:\+|or more|and up|and above|or above)`, "gi"),
  rx("money.min.order-minimum", String.raw`${M}\s{1,3}(?:order|purchase|basket|cart)\s{1,3}minimum\b`, "gi"),
  rx("money.min.your-amount-order", String.raw`\b(?:a|an|any|your|each)\s{1,3}${M}\s{0,3}(?:\+\s{0,3})?(?:purchase|order|spend|shop|basket|cart|transaction|bill)\b`, "gi"),
  rx("money.min.off-amount", String.raw`(?<=\boff\s{1,3})${M}(?!\s{0,3}(?:off|discount))`, "gi"),
  rx("money.min.over-amount", String.raw`\b(?:over|above|exceeding|of at least)\s{1,3}${M}`, "gi"),
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
