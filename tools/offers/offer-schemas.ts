import { z } from "zod";
import { DISTRIBUTION_CHANNELS, PROGRAM_TYPES, REDEMPTION_METHODS } from "@/core/offers/vocabulary";
import { CREATE_STATUSES, OFFER_STATUSES } from "@/core/offers/lifecycle";
import { OFFER_HEALTHS } from "@/core/offers/health";
import {
  CalendarDate, Cents, HttpUrl, LanguageCode, OptionalText, PageInput, PageOutput, PositiveInt, Text, Timestamp, Uuid,
} from "./common-schemas";
import { DescriptiveFields, DescriptiveOutputFields } from "./descriptive-schemas";
import { CreateCampaignInput } from "./program-schemas";

// Offer bodies use the Offer Manager document's column names (CONTRACT §3). No defaults here: the
// same fields serve create and partial update, and create fills its defaults in offer-write.ts.

export const OfferFields = {
  version_active_from: Timestamp.nullable().optional(),
  merchant_owner: Uuid.nullable().optional(),
  default_language: LanguageCode.optional(),
  external_reference: OptionalText(200),
  objective: OptionalText(500).describe("The business goal behind the offer (\"grow Q4 dealer sales 20%\")"),
  offer_expiry_date: Timestamp.nullable().optional(),
  offer_type: Text(64).describe("percentage_discount, fixed_discount, bogo, free_shipping, cashback, or a type_name from /dashboard/offers/types"),
  offer_redemption_methods: z.array(z.enum(REDEMPTION_METHODS)).max(REDEMPTION_METHODS.length).optional(),
  edition_exclusivity: OptionalText(100),
  code_type: z.string().length(1, "code_type must be exactly one character").nullable().optional(),
  clickthru_url: HttpUrl.nullable().optional(),
  classification: z.enum(PROGRAM_TYPES).nullable().optional(),
  program_id: Uuid.nullable().optional(),
  offer_value: z.number().min(0).max(10_000_000).nullable().optional().describe("Percent when max_discount_unit is %, currency units when $"),
  max_discount_unit: z.enum(["%", "$"]).nullable().optional(),
  total_budget_cents: Cents.nullable().optional(),
  minimum_spend_cents: Cents.nullable().optional(),
  usage_limit_per_customer: PositiveInt.nullable().optional(),
  total_usage_limit: PositiveInt.nullable().optional(),
  start_date: CalendarDate.nullable().optional(),
  end_date: CalendarDate.nullable().optional(),
  target_audience: z.array(Text(100)).max(50).optional(),
  distribution_channels: z.array(z.enum(DISTRIBUTION_CHANNELS)).max(DISTRIBUTION_CHANNELS.length).optional(),
  ...DescriptiveFields,
};

export const CreateOfferInput = z.object({
  ...OfferFields,
  offer_status: z.enum(CREATE_STATUSES).optional().describe("Marketers may only create drafts (403 otherwise)"),
  promo_code: z.string().trim().min(1).max(64).optional().describe("With promo_code in offer_redemption_methods: the governed code to create"),
  surface: z.string().trim().min(1).max(64).optional().describe("Surface whose policy governs promo_code (required with promo_code)"),
  campaign_id: Uuid.optional()
    .describe("Link the new offer to this existing campaign of the caller's tenant, in the same transaction (400 naming campaign_id when there is no such campaign). Not together with campaign."),
  campaign: CreateCampaignInput.optional()
    .describe("Create a new campaign ({campaign_name, start_date, end_date, budget_cents, ...} as POST /dashboard/campaigns takes) and link the offer to it, in the same transaction: if anything fails (e.g. the promo code's policy check) neither offer, code nor campaign is saved. budget_cents is admin only (403). Not together with campaign_id."),
});
export type CreateOfferInput = z.output<typeof CreateOfferInput>;

export const UpdateOfferInput = z.object({
  offer_id: Uuid,
  ...z.object(OfferFields).partial().shape,
  offer_status: z.enum(OFFER_STATUSES).optional().describe("Status changes are admin-only"),
});
export type UpdateOfferInput = z.output<typeof UpdateOfferInput>;

export const OfferIdInput = z.object({ offer_id: Uuid });

export const ListOffersInput = z.object({
  merchant_owner: Uuid.optional(),
  offer_status: z.enum(OFFER_STATUSES).optional(),
  short_text: z.string().trim().min(1).max(200).optional().describe("Case-insensitive search in title (short_text) and description (long_text), any language"),
  program_id: Uuid.optional(),
  ...PageInput,
});
export type ListOffersInput = z.output<typeof ListOffersInput>;

export const OfferCodeSummary = z.object({ code_id: Uuid, promo_code: z.string(), surface: z.string(), status: z.string() });

export const OfferOutput = z.object({
  offer_id: Uuid,
  merchant_owner: Uuid.nullable(),
  version_active_from: z.string().nullable(),
  default_language: z.string(),
  external_reference: z.string().nullable(),
  objective: z.string().nullable(),
  offer_expiry_date: z.string().nullable(),
  offer_status: z.enum(OFFER_STATUSES),
  offer_type: z.string(),
  offer_redemption_methods: z.array(z.string()),
  edition_exclusivity: z.string().nullable(),
  code_type: z.string().nullable(),
  clickthru_url: z.string().nullable(),
  classification: z.string().nullable(),
  program_id: Uuid.nullable(),
  offer_value: z.number().nullable(),
  max_discount_unit: z.string().nullable(),
  total_budget_cents: z.number().int().nullable(),
  minimum_spend_cents: z.number().int().nullable(),
  usage_limit_per_customer: z.number().int().nullable(),
  total_usage_limit: z.number().int().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  target_audience: z.array(z.string()),
  distribution_channels: z.array(z.string()),
  ...DescriptiveOutputFields,
  promo_codes: z.array(OfferCodeSummary),
  campaign_ids: z.array(Uuid).describe("Campaigns the offer is linked to"),
  health: z.enum(OFFER_HEALTHS).describe("Whether it can redeem right now, else the first reason why (CONTRACT §9)"),
  created_at: z.string(),
  updated_at: z.string(),
});
export type OfferOutput = z.input<typeof OfferOutput>;

export const OfferListOutput = z.object({ offers: z.array(OfferOutput), ...PageOutput });
