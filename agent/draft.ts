import { z } from "zod";
import { DISTRIBUTION_CHANNELS, OFFER_TYPES, PROGRAM_TYPES, REDEMPTION_METHODS, SURFACES } from "@/core/offers/vocabulary";
import { IsoDate } from "@/core/primitives";

// The offer draft the copilot builds. One schema feeds the offline planner's output, the LLM's
// structured output, the UI form and the evals (CONTRACT §4). Every field is nullable rather than
// optional: "not stated yet" is an explicit null, which OpenAI strict structured output accepts.

export const OfferDraftSchema = z.object({
  objective: z.string().max(500).nullable().describe("The business goal behind the offer, in the marketer's words"),
  programType: z.enum(PROGRAM_TYPES).nullable().describe("closed_loop for a known member/dealer list, open_loop for public, hybrid for both"),
  offerType: z.enum(OFFER_TYPES).nullable(),
  offerValue: z.number().nonnegative().nullable().describe("Percent for percentage_discount/cashback, currency units for fixed_discount"),
  maxDiscountUnit: z.enum(["%", "$"]).nullable().describe("% when offerValue is a percent, $ when it is an amount"),
  currency: z.string().length(3).nullable().describe("ISO 4217 code when the brief names a currency (GBP for £, EUR for €)"),
  totalBudget: z.number().nonnegative().nullable().describe("Total budget in currency units"),
  minimumSpend: z.number().nonnegative().nullable().describe("Minimum order in currency units"),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  redemptionMethod: z.enum(REDEMPTION_METHODS).nullable(),
  promoCode: z.string().max(32).nullable().describe("Upper-case promo code when the brief names one"),
  usageLimitPerCustomer: z.number().int().positive().nullable(),
  totalUsageLimit: z.number().int().positive().nullable(),
  targetAudience: z.array(z.string()).nullable().describe("Lower-case audience segments, e.g. dealers, students"),
  surface: z.enum(SURFACES).nullable().describe("Where the discount is redeemed: shopify, marketplace, hub, wix"),
  distributionChannels: z.array(z.enum(DISTRIBUTION_CHANNELS)).nullable(),
  merchant: z.string().max(200).nullable().describe("Merchant name when the brief names one"),
  productScope: z.string().max(200).nullable().describe("What the discount applies to, e.g. all equipment"),
  title: z.string().max(200).nullable(),
  description: z.string().max(2000).nullable(),
  terms: z.string().max(4000).nullable(),
});

/** The draft as every layer sees it; derived from the schema, never written by hand. */
export type OfferDraft = z.infer<typeof OfferDraftSchema>;
export type DraftField = keyof OfferDraft;

/** A draft with nothing stated: the planner's starting point for a new conversation. */
export function emptyDraft(): OfferDraft {
  const keys = Object.keys(OfferDraftSchema.shape) as DraftField[];
  return Object.fromEntries(keys.map((k) => [k, null])) as OfferDraft;
}

/** The CONTRACT §4 fields the evals compare; the rest are copy the copilot writes. */
export const EVAL_FIELDS = [
  "programType", "offerType", "offerValue", "maxDiscountUnit", "totalBudget", "minimumSpend", "startDate",
  "endDate", "redemptionMethod", "promoCode", "usageLimitPerCustomer", "totalUsageLimit", "targetAudience",
] as const satisfies readonly DraftField[];
