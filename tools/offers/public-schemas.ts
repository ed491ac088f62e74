import { z } from "zod";
import { PageInput, PageOutput, Uuid } from "./common-schemas";

// Public read-only shapes: what a shopper-facing surface may see. No tenant ids, key ids, budgets,
// issuers, external references or promo codes.

export const PublicOffersInput = z.object({
  merchant_id: Uuid.optional(),
  short_text: z.string().trim().min(1).max(200).optional().describe("Case-insensitive search in title and description"),
  ...PageInput,
});

export const PublicOffer = z.object({
  offer_id: Uuid,
  merchant_id: Uuid.nullable(),
  merchant_name: z.string().nullable(),
  offer_type: z.string(),
  classification: z.string().nullable(),
  default_language: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  terms_conditions: z.string().nullable(),
  image_url: z.string().nullable(),
  savings_amount: z.number().nullable(),
  savings_type: z.string().nullable(),
  savings_text: z.string().nullable(),
  offer_redemption_methods: z.array(z.string()),
  clickthru_url: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_until: z.string().nullable(),
  validity_text: z.string(),
});
export const PublicOfferList = z.object({ offers: z.array(PublicOffer), ...PageOutput });

export const PublicMerchantsInput = z.object({ ...PageInput });
export const PublicMerchant = z.object({
  merchant_id: Uuid,
  merchant_name: z.string(),
  merchant_type: z.string().nullable(),
  primary_category_id: z.string().nullable(),
  active_offer_count: z.number().int(),
  locations: z.array(z.object({
    address_line1: z.string().nullable(), city: z.string().nullable(), state: z.string().nullable(),
    postal_code: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(),
  })),
});
export const PublicMerchantList = z.object({ merchants: z.array(PublicMerchant), ...PageOutput });
