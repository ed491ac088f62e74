import type { FieldIssue } from "@/core/errors";
import type { CodeTerms } from "@/core/governance";
import { fromMinorUnits, toMinorUnits } from "./money";

// The one mapping from an offer's terms to the terms of its governed promo code. create_offer, the
// agent's validation and its commit all call it, so what is checked is what is created and redeemed.
//  - percentage_discount, cashback: a percentage code of offer_value (unit % unless told $).
//  - fixed_discount: a fixed code of offer_value currency units in the currency's minor units (ISO 4217).
//  - bogo: "second item N% off" is N/2 % of the pair (order_total_cents is the qualifying pair),
//    rounded down to 2 decimals so it never promises more; with unit $ the second item's amount off.
//  - free_shipping: a free_shipping code, value 0 — no cash off, still governed (policy on, KPI
//    floors, dates, usage limits, controls).

export type OfferCodeTermsInput = { offer_type?: string | null; offer_value?: number | null; max_discount_unit?: string | null };
export type OfferCodeTerms = { ok: true; terms: CodeTerms } | { ok: false; issues: FieldIssue[] };

const PERCENT_TYPES = new Set(["percentage_discount", "cashback", "bogo"]);

/** The unit an offer's value is in: the stated one, else the offer type's natural one (null: unknown). */
export function offerValueUnit(t: OfferCodeTermsInput): "%" | "$" | null {
  if (t.max_discount_unit === "%" || t.max_discount_unit === "$") return t.max_discount_unit;
  if (t.offer_type === "fixed_discount") return "$";
  return t.offer_type && PERCENT_TYPES.has(t.offer_type) ? "%" : null;
}

/** The promo code terms for an offer, or the field issues that keep it from having a code. */
export function offerCodeTerms(t: OfferCodeTermsInput, currency = "USD"): OfferCodeTerms {
  if (t.offer_type === "free_shipping") return { ok: true, terms: { discount_type: "free_shipping", value: 0 } };
  const issues: FieldIssue[] = [];
  const unit = offerValueUnit(t);
  if (!unit) issues.push({ field: "max_discount_unit", message: "a promo code needs a percentage_discount, fixed_discount, bogo, cashback or free_shipping offer, or max_discount_unit % or $" });
  if (t.offer_value == null || !(t.offer_value > 0)) issues.push({ field: "offer_value", message: "required (above 0) with promo_code: the code's discount" });
  if (issues.length || !unit) return { ok: false, issues };
  const value = t.offer_value!;
  if (unit === "$") return { ok: true, terms: { discount_type: "fixed", value: toMinorUnits(value, currency) } };
  if (t.offer_type === "bogo") return { ok: true, terms: { discount_type: "percentage", value: Math.floor(value * 50) / 100 } };
  return { ok: true, terms: { discount_type: "percentage", value } };
}

/** Inverse for a code value the core suggested (percent or cents): the offer_value that yields it. */
export function offerValueForCode(t: OfferCodeTermsInput, codeValue: number, type: CodeTerms["discount_type"], currency = "USD"): number {
  if (type === "fixed") return fromMinorUnits(codeValue, currency);
  return t.offer_type === "bogo" ? codeValue * 2 : codeValue;
}
