import type { OfferDraft } from "../draft";
import { parseYmd } from "./calendar";
import { formatMoney, toMinorUnits } from "@/core/offers/money";

// Consumer-facing copy written from the parsed fields only: a title, a one-paragraph description
// and terms. Nothing here invents a condition the brief did not state (no "cannot be combined"
// boilerplate): every sentence maps to a field, so editing a field and regenerating stays honest.

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
/** Amounts in copy use the one money formatter (card style: "$10", "$12.50"). */
const money = (d: OfferDraft, n: number) => formatMoney(toMinorUnits(n, d.currency ?? "USD"), d.currency ?? "USD", { card: true });
const day = (iso: string) => {
  const { y, m, d } = parseYmd(iso);
  return `${SHORT_MONTHS[m - 1]} ${d}, ${y}`;
};
const titleCase = (s: string) => s.replace(/\b([a-z])/g, (c) => c.toUpperCase());

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
  const parts = [titleCase(b)];
  if (d.productScope) parts.push(d.offerType === "free_shipping" || d.offerType === "bogo" ? `on ${titleCase(d.productScope)}` : titleCase(d.productScope));
  if (d.targetAudience?.length) parts.push(`for ${titleCase(d.targetAudience.join(" & "))}`);
  return parts.join(" ").slice(0, 200);
}

/** One paragraph a customer reads; built only from fields that are set. */
export function makeDescription(d: OfferDraft): string | null {
  const b = benefit(d);
  if (!b) return null;
  let s = b;
  if (d.productScope) s += ` ${d.offerType === "percentage_discount" || d.offerType === "fixed_discount" ? "" : "on "}${d.productScope}`;
  if (d.targetAudience?.length) s += ` for ${d.targetAudience.join(" and ")}`;
  if (d.minimumSpend !== null) s += ` on orders of ${money(d, d.minimumSpend)} or more`;
  if (d.merchant) s += ` at ${d.merchant}`;
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
  if (d.targetAudience?.length) t.push(`Available to ${d.targetAudience.join(", ")} only.`);
  if (d.productScope) t.push(/^(?:site|store)[- ]?wide$/.test(d.productScope) ? "Applies to all products." : `Applies to ${d.productScope}.`);
  if (d.minimumSpend !== null) t.push(`Minimum order ${money(d, d.minimumSpend)}.`);
  if (d.usageLimitPerCustomer !== null) t.push(`Limit ${d.usageLimitPerCustomer} per customer.`);
  if (d.totalUsageLimit !== null) t.push(`Limited to the first ${num(d.totalUsageLimit)} redemptions.`);
  if (d.promoCode) t.push(`Enter code ${d.promoCode} at checkout.`);
  if (d.redemptionMethod === "show_save") t.push("Show this offer at the point of sale to redeem.");
  return t.length ? t.join(" ").slice(0, 4000) : null;
}
