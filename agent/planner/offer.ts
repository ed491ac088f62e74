import type { OfferDraft } from "../draft";
import { MONEY, parseAmount, PERCENT } from "./numbers";
import type { Scan } from "./text";
import { rx } from "./patterns";

// What the customer gets: offer type, value and unit. Reads what is left after the objective,
// codes, budget and minimum spend were claimed, so every number here is a candidate offer value.

export type OfferTerms = {
  offerType: OfferDraft["offerType"];
  offerValue: number | null;
  unit: OfferDraft["maxDiscountUnit"];
  currency: string | null;
  /** A number the message sets without a unit ("make it 25"): the caller applies the previous unit. */
  bareValue: number | null;
  notes: string[];
};

const OFF_AFTER = /^\s{0,30}(?:off|discount|savings?|reduction|markdown|price cut)\b/i;
const CASHBACK_AFTER = /^\s{0,30}(?:in\s{1,3})?(?:cash[\s-]?back|back\b|rebate|in (?:rewards|credit|store credit|points))/i;
const VALUE_BEFORE = /(?:\b(?:save|saving|take|get|gets|getting|enjoy|extra|additional|an?|make it|makes it|change (?:it|the (?:discount|value|offer|percentage|amount)) to|(?:bump|raise|increase|lower|drop|reduce|set|up) (?:it|the (?:discount|value|offer)) to|discount(?:ed)?(?: of| by)?|up to|flat|instant|worth|value of|(?:value|amount|discount)\s{0,3}[:=|]|change (?:that|this) to|make (?:that|this))\s{0,40})$/i;
// "actually make it 45%", "instead 30%": a later correction in the same message wins.
const CORRECTION_BEFORE = /\b(?:actually|instead|correction|scratch that|rather|on second thought|change (?:that|it|this) to|make (?:that|it|this))\b[^.;%$£€]{0,60}$/i;
const PERCENT_WORDS = /\bpercent(?:age)?\s{1,3}(?:discount|off)\s{1,3}(?:of\s{1,3})?(\d{1,6}(?:\.\d{1,4})?)\b(?!\s{0,3}(?:%|pct|percent))/gi;
const BARE_EDIT = /\b(?:make it|change (?:it|the (?:discount|value|offer|amount|percentage)) to|(?:bump|raise|increase|lower|drop|reduce|set) (?:it|the (?:discount|value|offer)) to)\s{1,3}(\d{1,6}(?:\.\d{1,4})?)(?!\s{0,3}(?:%|pct|percent|per|uses?|times?|redemptions?|customers?|k\b|[$£€]|\d|\/|-))/i;

const KV_VALUE = /\b(?:value|discount|amount|off)\s{0,3}[:=]\s{0,3}(\d{1,6}(?:\.\d{1,4})?)\b(?!\s{0,3}(?:%|pct|percent|[$£€]))/i;
const BOGO = /\b(?:bogo(?:f)?|b[1-9]g[1-9](?:f)?|buy\s{1,3}(\d{1,3})\s{0,3}(?:(?:,|and\b)\s{0,3})?get\s{1,3}(?:(?:the\s{1,3})?(?:\d{1,3}|another|a second)(?:\s{1,3}(?!\d)\w{1,30})?)|([2-9])\s{0,3}for\s{0,3}1)\b/i;
const PERCENT_OFF_AHEAD = rx("offer.PERCENT_OFF_AHEAD", `^[^.;]{0,40}?${PERCENT}\\s{0,3}off`, "i");
const PERCENT_ALL = rx("offer.PERCENT_ALL", PERCENT, "gi");
const MONEY_ALL = rx("offer.MONEY_ALL", MONEY, "gi");
const FREE_SHIPPING = /\bfree\s{1,3}(?:standard\s{1,3}|express\s{1,3}|2-day\s{1,3}|next[- ]day\s{1,3}|ground\s{1,3})?(?:shipping|delivery|postage|freight)\b|\bships?\s{1,3}(?:for\s{1,3})?free\b/i;

/** Reads offer type, value and unit; a number with no unit ("20 off") is left empty with a note. */
export function takeOffer(scan: Scan): OfferTerms {
  const notes: string[] = [];
  const full = scan.full;
  const out: OfferTerms = { offerType: null, offerValue: null, unit: null, currency: null, bareValue: null, notes };

  const bogo = BOGO.exec(scan.text);
  if (bogo) {
    out.offerType = "bogo";
    // A percentage right after the BOGO phrase is the discount on the second item.
    const tail = scan.text.slice(bogo.index + bogo[0].length, bogo.index + bogo[0].length + 40);
    const pct = PERCENT_OFF_AHEAD.exec(tail);
    if (pct) { out.offerValue = Number(pct[1]); out.unit = "%"; }
    scan.claim(bogo.index, bogo.index + bogo[0].length + (pct ? pct[0].length : 0));
    return out;
  }

  const candidates: Array<{ index: number; type: OfferDraft["offerType"]; value: number; unit: "%" | "$"; currency: string | null; strong: boolean }> = [];
  for (const m of scan.text.matchAll(PERCENT_ALL)) {
    const after = scan.text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    const before = scan.text.slice(Math.max(0, m.index! - 40), m.index!);
    const cashback = CASHBACK_AFTER.test(after) || /\bcash[\s-]?back\s{1,3}(?:of\s{1,3})?$/i.test(before);
    const strong = cashback || OFF_AFTER.test(after) || VALUE_BEFORE.test(before);
    candidates.push({ index: m.index!, type: cashback ? "cashback" : "percentage_discount", value: Number(m[1]), unit: "%", currency: null, strong });
  }
  for (const m of scan.text.matchAll(PERCENT_WORDS)) {
    candidates.push({ index: m.index!, type: "percentage_discount", value: Number(m[1]), unit: "%", currency: null, strong: true });
  }
  for (const m of scan.text.matchAll(MONEY_ALL)) {
    const a = parseAmount(m[0]);
    if (!a) continue;
    const after = scan.text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    const before = scan.text.slice(Math.max(0, m.index! - 40), m.index!);
    const cashback = CASHBACK_AFTER.test(after);
    const strong = cashback || OFF_AFTER.test(after) || /^\s{0,30}(?:gift card|credit|voucher|coupon)\b/i.test(after) || VALUE_BEFORE.test(before);
    if (strong) candidates.push({ index: m.index!, type: cashback ? "cashback" : "fixed_discount", value: a.value, unit: "$", currency: a.currency, strong });
  }
  candidates.sort((a, b) => a.index - b.index);
  const strong = candidates.filter((c) => c.strong);
  const corrected = strong.filter((c) => CORRECTION_BEFORE.test(scan.text.slice(Math.max(0, c.index - 60), c.index))).pop();
  const pick = corrected ?? strong[0] ?? (candidates.length === 1 ? candidates[0] : null);
  if (!pick && candidates.length > 1) notes.push("Several percentages and none is clearly the discount; offer value left empty.");
  if (pick) {
    const distinct = new Set(strong.map((c) => `${c.value}${c.unit}`));
    if (distinct.size > 1 && !corrected) notes.push(`Several discount values (${[...distinct].join(", ")}); using the first, ${pick.value}${pick.unit}.`);
    Object.assign(out, { offerType: pick.type, offerValue: pick.value, unit: pick.unit, currency: pick.currency });
  }

  const kv = pick ? null : KV_VALUE.exec(scan.text);
  if (kv) {
    // Form-style briefs ("type: percentage | value: 18") name the unit in another field.
    const unit = /\bpercent(?:age)?\b/i.test(full) ? "%" : /\b(?:fixed|flat|dollars?|amount off)\b/i.test(full) ? "$" : null;
    if (unit) Object.assign(out, { offerType: unit === "%" ? "percentage_discount" : "fixed_discount", offerValue: Number(kv[1]), unit });
    else notes.push(`"${kv[0].trim()}" has no % or currency; offer value left empty.`);
  } else if (!pick) {
    const bare = BARE_EDIT.exec(scan.text);
    if (bare) out.bareValue = Number(bare[1]);
    else if (/\b\d{1,6}(?:\.\d{1,4})?\s{1,3}off\b/i.test(scan.text)) notes.push("A discount is given without % or a currency (\"N off\"); offer value left empty.");
  }
  if (FREE_SHIPPING.test(full) && !out.offerType) out.offerType = "free_shipping";
  else if (FREE_SHIPPING.test(full)) notes.push("The brief also mentions free shipping; the draft holds the main discount only.");
  if (!out.offerType && /\bcash[\s-]?back\b/i.test(full) && out.bareValue === null) out.offerType = "cashback";
  // "a percentage discount", "a fixed amount off": the kind is named before its value is.
  if (!out.offerType && out.bareValue === null && /\bpercent(?:age)?\s{1,3}(?:discount|off)\b/i.test(full)) out.offerType = "percentage_discount";
  if (!out.offerType && out.bareValue === null && /\b(?:fixed|flat)\s{1,3}(?:amount|dollar|discount)|\bamount\s{1,3}off\b/i.test(full)) out.offerType = "fixed_discount";
  return out;
}
