import type { DiscountProposal } from "@/core/governance";
import type { OfferDraft } from "./draft";

// How a draft's offer becomes the terms of its governed promo code. Validation and commit both use
// this one mapping, so what was checked in the conversation is what the commit asks the core for.

export type CodeTerms = Pick<DiscountProposal, "discount_type" | "value">;

/** Currency units → integer cents (CONTRACT §0), rounded to the cent. */
export const toCents = (units: number) => Math.round(units * 100);

/**
 * The code terms of an offer, or null while the value is unknown. A percent offer is a percentage
 * code; an amount is a fixed code in cents; a BOGO's "second item N% off" is N/2 % of the pair;
 * free shipping takes nothing off the order, so its code is a fixed 0.
 */
export function codeTermsOf(d: OfferDraft): CodeTerms | null {
  if (d.offerType === "free_shipping") return { discount_type: "fixed", value: 0 };
  if (!d.offerType || d.offerValue === null) return null;
  if (d.offerType === "bogo") return { discount_type: "percentage", value: d.offerValue / 2 };
  const unit = d.maxDiscountUnit ?? (d.offerType === "fixed_discount" ? "$" : "%");
  return unit === "%" ? { discount_type: "percentage", value: d.offerValue } : { discount_type: "fixed", value: toCents(d.offerValue) };
}

/** Inverse of codeTermsOf for a suggested code value: the draft's offerValue that yields it. */
export function offerValueFor(d: OfferDraft, codeValue: number, type: CodeTerms["discount_type"]): number {
  if (d.offerType === "bogo") return codeValue * 2;
  return type === "fixed" ? codeValue / 100 : codeValue;
}

/** "25%" or "$12.50" in the draft's own unit, for the agent's sentences. */
export function formatOfferValue(d: OfferDraft, value: number): string {
  const unit = d.maxDiscountUnit ?? (d.offerType === "fixed_discount" ? "$" : "%");
  return unit === "%" ? `${Number(value.toFixed(2))}%` : `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${d.currency ?? "USD"}`;
}
