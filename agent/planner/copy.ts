import type { OfferDraft } from "../draft";
import { spoken } from "./calendar";
import { rx } from "./patterns";
import { formatMoney, toMinorUnits } from "@/core/offers/money";

// Consumer-facing copy written from the parsed fields only: a title, a one-paragraph description
// and terms. Nothing here invents a condition the brief did not state (no "cannot be combined"
// boilerplate): every sentence maps to a field, so editing a field and regenerating stays honest.


const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
/** Amounts in copy use the one money formatter (card style: "$10", "$12.50"). */
const money = (d: OfferDraft, n: number) => formatMoney(toMinorUnits(n, d.currency ?? "USD"), d.currency ?? "USD", { card: true });
const day = spoken;
/** Capitals after a space or hyphen only ("men's tees" → "Men's Tees", not "Men'S"). */
const titleCase = (s: string) => s.replace(/(^|[\s-])([a-z])/g, (_, a: string, c: string) => a + c.toUpperCase());

// Where an offer is redeemed (shopify, wix, marketplace, hub) is for the merchant, never the customer's copy:
// "tees on shopify" → "tees". Applied to the draft's free text, never to the promo code.
const SURFACE = String.raw`(?:shopify|wix|marketplace|hub)`;
const SURFACE_WORDS = rx(
  "copy.surface-words",
  String.raw`\s{0,3}\b(?:on|in|at|via|through|from|across)\s{1,3}(?:(?:the|our)\s{1,3})?${SURFACE}` +
    String.raw`(?:\s{1,3}(?:store|site|shop|app|channel))?\b|\b${SURFACE}\b`,
  "gi",
);
/** Free text from the draft with surface names taken out (why: surfaces never reach customer copy). */
export const customerText = (s: string | null): string | null =>
  s === null ? null : s.replace(SURFACE_WORDS, " ").replace(/\s+/g, " ").trim() || null;

// A named occasion the brief used ("Black Friday", "back to school", "summer sale"): generated titles keep it.
const OCCASION = rx(
  "copy.occasion",
  String.raw`\b(black friday|cyber monday|cyber week|small business saturday|giving tuesday|boxing day|` +
    String.raw`christmas|xmas|thanksgiving|halloween|easter|valentine'?s(?: day)?|mother'?s day|father'?s day|` +
    String.raw`memorial day|labou?r day|prime day|singles'? day|(?:lunar )?new year'?s?|back[- ]to[- ]school|` +
    String.raw`(?:spring|summer|fall|autumn|winter|holiday|end[- ]of[- ]season|clearance|anniversary) ` +
    String.raw`(?:sale|event|deals?|promo(?:tion)?))\b`,
  "i",
);
/** The occasion a text names, as written, or null. */
export function findOccasion(text: string | null): string | null {
  return text ? (OCCASION.exec(text)?.[1] ?? null) : null;
}

/** The headline benefit ("20% off", "$10 off", "Buy one, get one"), or null when the type is unknown. */
export function benefit(d: OfferDraft): string | null {
  const value = d.offerValue === null ? null : d.maxDiscountUnit === "$" ? money(d, d.offerValue) : `${num(d.offerValue)}%`;
  switch (d.offerType) {
    case "percentage_discount":
    case "fixed_discount":
      return value ? `${value} off` : null;
    case "cashback":
      return value ? `${value} cash back` : "Cash back";
    case "bogo":
      return value ? `Buy one, get one ${value} off` : "Buy one, get one";
    case "free_shipping":
      return "Free shipping";
    default:
      return null;
  }
}

/** Short title for lists and previews; null until the offer itself is known. */
export function makeTitle(d: OfferDraft): string | null {
  const b = benefit(d);
  if (!b) return null;
  const scope = customerText(d.productScope);
  const audience = customerText(d.targetAudience?.join(" & ") ?? null);
  const occasion = findOccasion(d.objective) ?? findOccasion(d.productScope);
  const inScope = occasion !== null && scope !== null && scope.toLowerCase().includes(occasion.toLowerCase());
  const parts = [occasion && !inScope ? `${titleCase(occasion.toLowerCase())}: ${titleCase(b)}` : titleCase(b)];
  const on = d.offerType === "free_shipping" || d.offerType === "bogo" ? "on " : "";
  if (scope) parts.push(`${on}${titleCase(scope)}`);
  if (audience) parts.push(`for ${titleCase(audience)}`);
  return parts.join(" ").slice(0, 200);
}

/** One paragraph a customer reads; built only from fields that are set. */
export function makeDescription(d: OfferDraft): string | null {
  const b = benefit(d);
  if (!b) return null;
  let s = b;
  const scope = customerText(d.productScope);
  const audience = customerText(d.targetAudience?.join(" and ") ?? null);
  const merchant = customerText(d.merchant);
  if (scope) s += ` ${d.offerType === "percentage_discount" || d.offerType === "fixed_discount" ? "" : "on "}${scope}`;
  if (audience) s += ` for ${audience}`;
  if (d.minimumSpend !== null) s += ` on orders of ${money(d, d.minimumSpend)} or more`;
  if (merchant) s += ` at ${merchant}`;
  if (d.redemptionMethod === "promo_code" && d.promoCode) s += ` with code ${d.promoCode}`;
  else if (d.redemptionMethod === "show_save") s += " - just show this offer at the counter";
  else if (d.redemptionMethod === "barcode") s += " - scan the barcode at checkout";
  else if (d.redemptionMethod === "online_link") s += " - click to activate";
  if (d.startDate && d.endDate) s += `, ${day(d.startDate)} - ${day(d.endDate)}`;
  else if (d.endDate) s += `, now through ${day(d.endDate)}`;
  else if (d.startDate) s += `, starting ${day(d.startDate)}`;
  return `${s.replace(/\s+/g, " ").trim()}.`.slice(0, 2000);
}

/** Terms and conditions, one sentence per stated constraint; null when nothing is constrained. */
export function makeTerms(d: OfferDraft): string | null {
  const t: string[] = [];
  if (d.startDate && d.endDate) t.push(`Valid ${day(d.startDate)} through ${day(d.endDate)}.`);
  else if (d.endDate) t.push(`Expires ${day(d.endDate)}.`);
  else if (d.startDate) t.push(`Valid from ${day(d.startDate)}.`);
  const audience = customerText(d.targetAudience?.join(", ") ?? null);
  const scope = customerText(d.productScope);
  if (audience) t.push(`Available to ${audience} only.`);
  if (scope) t.push(/^(?:site|store)[- ]?wide$/.test(scope) ? "Applies to all products." : `Applies to ${scope}.`);
  if (d.minimumSpend !== null) t.push(`Minimum order ${money(d, d.minimumSpend)}.`);
  if (d.usageLimitPerCustomer !== null) t.push(`Limit ${d.usageLimitPerCustomer} per customer.`);
  if (d.totalUsageLimit !== null) t.push(`Limited to the first ${num(d.totalUsageLimit)} redemptions.`);
  if (d.promoCode) t.push(`Enter code ${d.promoCode} at checkout.`);
  if (d.redemptionMethod === "show_save") t.push("Show this offer at the point of sale to redeem.");
  return t.length ? t.join(" ").slice(0, 4000) : null;
}
