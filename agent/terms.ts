import type { DiscountProposal } from "@/core/governance";
import { offerCodeTerms, offerValueForCode, offerValueUnit } from "@/core/offers/code-terms";
import { toMinorUnits } from "@/core/offers/money";
import type { OfferDraft } from "./draft";
import type { Issue } from "./state";

// How a draft's offer becomes the terms of its governed promo code. Validation and commit both use
// this one mapping, so what was checked in the conversation is what the commit asks the core for.

export type CodeTerms = Pick<DiscountProposal, "discount_type" | "value">;

/** Currency units → the integer minor units `_cents` fields hold in `currency` (ISO 4217; CONTRACT §6). */
export const toCents = (units: number, currency = "USD") => toMinorUnits(units, currency);

/** The draft in the offer terms core/offers/code-terms.ts reads. */
const offerTermsOf = (d: OfferDraft) => ({ offer_type: d.offerType, offer_value: d.offerValue, max_discount_unit: d.maxDiscountUnit });

/**
 * The code terms of an offer, or null while they cannot be known (no type or value yet). The mapping
 * is the core's, the same create_offer uses: BOGO is N/2 % of the pair, free shipping a free_shipping code.
 */
export function codeTermsOf(d: OfferDraft, currency = "USD"): CodeTerms | null {
  const mapped = offerCodeTerms(offerTermsOf(d), currency);
  return mapped.ok ? mapped.terms : null;
}

/** Stated terms the core cannot turn into a code (a value of 0): create_offer would refuse them, so validation does. */
export function codeTermsProblems(d: OfferDraft): Issue[] {
  if (!d.offerType || d.offerValue === null) return [];
  const mapped = offerCodeTerms(offerTermsOf(d));
  if (mapped.ok) return [];
  return mapped.issues.map((i) => i.field === "offer_value"
    ? { kind: "format", code: "invalid_terms", field: "offerValue", message: "The discount must be above 0 — how much should customers get?" }
    : { kind: "format", code: "invalid_terms", field: "maxDiscountUnit", message: "Say whether the value is a percent (%) or an amount ($)" });
}

/** Inverse of codeTermsOf for a suggested code value: the draft's offerValue that yields it. */
export function offerValueFor(d: OfferDraft, codeValue: number, type: CodeTerms["discount_type"], currency = "USD"): number {
  return offerValueForCode(offerTermsOf(d), codeValue, type, currency);
}

/** "25%" or "$12.50" in the draft's own unit, for the agent's sentences. */
export function formatOfferValue(d: OfferDraft, value: number): string {
  const unit = offerValueUnit(offerTermsOf(d)) ?? "%";
  return unit === "%" ? `${Number(value.toFixed(2))}%` : `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${d.currency ?? "USD"}`;
}
