// How an offer reads on Hub/Marketplace: savings line and validity window. Pure text rules.
import { formatMoney, toMinorUnits } from "./money";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "$10" / "$12.50" / "€5" from currency units, through the one money formatter (card style). */
function cardMoney(units: number, currency: string): string {
  return formatMoney(toMinorUnits(units, currency), currency, { card: true });
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

const PERCENT_TYPES = new Set(["percent", "percentage", "%", "percentage_discount", "pct"]);
const AMOUNT_TYPES = new Set(["amount", "fixed", "$", "dollar", "dollars", "fixed_discount", "currency", "cash"]);

export type SavingsFacts = {
  savings_amount: number | null;
  savings_type: string | null;
  offer_type: string;
  offer_value: number | null;
  max_discount_unit: string | null;
  currency: string;
};

/** The savings line ("20% off", "$10 off", "Free shipping"): descriptive copy first, then discount terms. */
export function savingsText(f: SavingsFacts): string | null {
  const type = f.savings_type?.trim().toLowerCase() ?? null;
  if (f.savings_amount !== null && type) {
    if (PERCENT_TYPES.has(type)) return `${formatNumber(f.savings_amount)}% off`;
    if (AMOUNT_TYPES.has(type)) return `${cardMoney(f.savings_amount, f.currency)} off`;
  }
  if (f.offer_type === "free_shipping") return "Free shipping";
  if (f.offer_type === "bogo") return "Buy one, get one free";
  if (f.offer_value === null) return null;
  const percent = f.max_discount_unit === "%" || (f.max_discount_unit === null && f.offer_type !== "fixed_discount");
  if (f.offer_type === "cashback") return percent ? `${formatNumber(f.offer_value)}% cash back` : `${cardMoney(f.offer_value, f.currency)} cash back`;
  return percent ? `${formatNumber(f.offer_value)}% off` : `${cardMoney(f.offer_value, f.currency)} off`;
}

const day = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
const dayYear = (d: Date) => `${day(d)}, ${d.getUTCFullYear()}`;

/** "Valid Dec 1 – Dec 31, 2026" (years shown once when equal); dates are read in UTC. */
export function validityText(from: Date | null, until: Date | null): string {
  if (from && until) {
    if (from.getUTCFullYear() === until.getUTCFullYear()) return `Valid ${day(from)} – ${dayYear(until)}`;
    return `Valid ${dayYear(from)} – ${dayYear(until)}`;
  }
  if (until) return `Valid until ${dayYear(until)}`;
  if (from) return `Valid from ${dayYear(from)}`;
  return "No expiry";
}
