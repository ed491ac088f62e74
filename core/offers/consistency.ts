import type { FieldIssue } from "@/core/errors";
import { offerCodeTerms, offerValueUnit } from "./code-terms";
import { parseOfferTimestamp } from "./dates";

// Cross-field rules of an offer, checked on the merged result of a create or an update.

export type OfferTerms = {
  version_active_from?: string | null;
  offer_expiry_date?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  offer_type?: string;
  offer_value?: number | null;
  max_discount_unit?: string | null;
  offer_redemption_methods?: string[];
  savings_amount?: number | null;
  savings_type?: string | null;
};

/** Field problems a client can fix; empty when the offer hangs together. */
export function offerIssues(t: OfferTerms): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (t.version_active_from && t.offer_expiry_date) {
    const from = parseOfferTimestamp(t.version_active_from, "start");
    const until = parseOfferTimestamp(t.offer_expiry_date, "end");
    if (until <= from) issues.push({ field: "offer_expiry_date", message: "must be after version_active_from" });
  }
  if (t.start_date && t.end_date && t.end_date < t.start_date) issues.push({ field: "end_date", message: "must be on or after start_date" });
  const percent = offerValueUnit(t) === "%";
  if (percent && t.offer_value != null && t.offer_value > 100) issues.push({ field: "offer_value", message: "a percentage is 0–100" });
  return issues;
}

/** A create body asks for a governed code by naming a promo_code or a surface (the core then generates one). */
export function wantsPromoCode(t: { promo_code?: string; surface?: string }): boolean {
  return t.promo_code !== undefined || t.surface !== undefined;
}

/** Extra rules when the create body asks for a governed promo code. */
export function promoCodeIssues(t: OfferTerms & { promo_code?: string; surface?: string }): FieldIssue[] {
  if (!wantsPromoCode(t)) return [];
  const issues: FieldIssue[] = [];
  if (!t.offer_redemption_methods?.includes("promo_code")) {
    issues.push({ field: "offer_redemption_methods", message: "must include promo_code when a promo_code or surface is given" });
  }
  if (!t.surface) issues.push({ field: "surface", message: "required with promo_code: the surface whose policy governs the code" });
  const terms = offerCodeTerms(t);
  if (!terms.ok) issues.push(...terms.issues);
  return issues;
}
