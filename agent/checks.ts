import type { TenantSettings } from "@/tools/copilot";
import type { DraftField, OfferDraft } from "./draft";
import type { Issue } from "./state";

// The checks only a conversation has (the rest are core/offers/evaluate's): completeness, promo code
// uniqueness and brand guidelines. Pure functions of the draft and loaded facts; each issue says what to do.

type Question = { field: DraftField; question: string };

/** Offer types whose value is a number the customer gets (BOGO's is the second item's discount). */
const NEEDS_VALUE = new Set<OfferDraft["offerType"]>(["percentage_discount", "fixed_discount", "cashback", "bogo"]);

/** One precise question per missing required field, most important first. */
export function missingFieldQuestions(d: OfferDraft, surfaces: string[]): Question[] {
  const q: Question[] = [];
  if (!d.offerType) q.push({ field: "offerType", question: "What should customers get: a percentage off, a fixed amount off, BOGO, free shipping or cash back?" });
  else if (NEEDS_VALUE.has(d.offerType) && d.offerValue === null) {
    const ask = d.offerType === "bogo" ? "What discount does the second item get (for example 50% off)?" : d.offerType === "fixed_discount" ? "How much off, in currency units (for example $10)?" : "How big is the discount, in percent (for example 15%)?";
    q.push({ field: "offerValue", question: ask });
  }
  if (!d.surface) q.push({ field: "surface", question: `Where will customers redeem it: ${surfaces.length ? surfaces.join(", ") : "shopify, marketplace or hub"}?` });
  if (!d.startDate) q.push({ field: "startDate", question: "When should the offer start (a date, or \"today\")?" });
  if (!d.endDate) q.push({ field: "endDate", question: "When should the offer end?" });
  if (d.totalBudget === null) q.push({ field: "totalBudget", question: "What is the total budget for this offer, in currency units (for example $10,000)?" });
  if (!d.redemptionMethod) q.push({ field: "redemptionMethod", question: "How will customers redeem it: a promo code, show-and-save, a barcode or an online link?" });
  return q;
}

/** Uniqueness within the tenant (its format is core/offers/evaluate's code check). */
export function promoCodeTaken(d: OfferDraft, existingCodes: string[]): Issue[] {
  if (!d.promoCode || !existingCodes.includes(d.promoCode.toUpperCase())) return [];
  return [{ kind: "format", code: "promo_code_taken", field: "promoCode", message: `Promo code ${d.promoCode} is already used by this tenant — pick another, or leave it empty and one will be generated` }];
}

const COPY_FIELDS = ["title", "description", "terms"] as const;

/** Per-tenant banned words must not appear in the copy; required terms must appear in it. */
export function brandIssues(d: OfferDraft, settings: TenantSettings): Issue[] {
  const out: Issue[] = [];
  for (const word of settings.banned_words ?? []) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(word)}($|[^\\p{L}\\p{N}])`, "iu");
    for (const field of COPY_FIELDS) {
      if (d[field] && re.test(d[field]!)) {
        out.push({ kind: "brand", code: "banned_word", field, message: `The ${field} uses "${word}", which the brand guidelines ban — reword it without "${word}"` });
      }
    }
  }
  const copy = COPY_FIELDS.map((f) => d[f] ?? "").join("\n").toLowerCase();
  for (const term of settings.required_terms ?? []) {
    if (!copy.includes(term.toLowerCase())) {
      out.push({ kind: "brand", code: "missing_required_term", field: "terms", message: `The brand guidelines require "${term}" in the offer's copy — add it to the terms` });
    }
  }
  return out;
}

/** Copy with the banned words taken out: the brand alternative the agent can propose. */
export function withoutBannedWords(d: OfferDraft, settings: TenantSettings): Partial<OfferDraft> {
  const patch: Partial<OfferDraft> = {};
  for (const field of COPY_FIELDS) {
    let text = d[field];
    if (!text) continue;
    for (const word of settings.banned_words ?? []) text = text.replace(new RegExp(`\\s*${escapeRe(word)}`, "giu"), "");
    if (text !== d[field]) patch[field] = text.trim();
  }
  const missing = (settings.required_terms ?? []).filter((t) => !COPY_FIELDS.some((f) => (d[f] ?? "").toLowerCase().includes(t.toLowerCase())));
  if (missing.length) patch.terms = [patch.terms ?? d.terms ?? "", ...missing].filter(Boolean).join(" ");
  return patch;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
