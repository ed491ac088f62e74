import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { effectiveStatus, OFFER_STATUSES } from "@/core/offers/lifecycle";
import { savingsText, validityText } from "@/core/offers/preview";
import { parseOfferTimestamp } from "@/core/offers/dates";
import { merchants, offerDescriptives as d } from "@/db/schema";
import { tenantTx } from "../context";
import { loadTenantCurrency } from "../discounts/facts";
import { defineTool } from "../registry";
import { LanguageCode, Uuid } from "./common-schemas";
import { loadOffer } from "./offer-read";

// GET /dashboard/offers/{id}/preview: the offer card as Hub/Marketplace would render it, plus what is
// missing before it can look right.

export const PreviewInput = z.object({ offer_id: Uuid, language_code: LanguageCode.optional().describe("Defaults to the offer's default_language") });

export const PreviewOutput = z.object({
  offer_id: Uuid,
  offer_status: z.enum(OFFER_STATUSES),
  language_code: z.string(),
  merchant_name: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  savings_text: z.string().nullable(),
  terms: z.string().nullable(),
  image_url: z.string().nullable(),
  validity_text: z.string(),
  cta_url: z.string().nullable(),
  redemption_methods: z.array(z.string()),
  warnings: z.array(z.string()).describe("What a shopper would miss: no title, no terms, no savings line…"),
});


export const previewOffer = defineTool({
  name: "preview_offer",
  description: "How the offer renders on Hub/Marketplace: title, savings text (\"20% off\"), terms and validity (\"Valid Dec 1 – Dec 31, 2026\").",
  input: PreviewInput,
  output: PreviewOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const offer = await loadOffer(tx, input.offer_id);
      const language = input.language_code ?? offer.default_language;
      const [copy] = await tx.select().from(d).where(and(eq(d.offer_id, offer.offer_id), eq(d.language_code, language)));
      const [merchant] = offer.merchant_owner
        ? await tx.select({ name: merchants.merchant_name }).from(merchants).where(eq(merchants.merchant_id, offer.merchant_owner))
        : [];
      const currency = await loadTenantCurrency(tx, tenantId);
      const savings = savingsText({
        savings_amount: copy?.savings_amount ?? null, savings_type: copy?.savings_type ?? null, offer_type: offer.offer_type,
        offer_value: offer.offer_value, max_discount_unit: offer.max_discount_unit, currency,
      });
      const from = offer.version_active_from ?? (offer.start_date ? parseOfferTimestamp(offer.start_date, "start") : null);
      const until = offer.offer_expiry_date ?? (offer.end_date ? parseOfferTimestamp(offer.end_date, "end") : null);
      const warnings = [
        !copy && `No ${language} copy: add it with POST /dashboard/offers/${offer.offer_id}/descriptives`,
        copy && !copy.short_text && "No title (short_text)",
        copy && !copy.terms_conditions && "No terms and conditions",
        !savings && "No savings line: set savings_amount/savings_type or offer_value",
        !copy?.image_url && "No image",
      ].filter((w): w is string => typeof w === "string");
      return {
        offer_id: offer.offer_id,
        offer_status: effectiveStatus(offer.offer_status, offer.offer_expiry_date, ctx.now()),
        language_code: language,
        merchant_name: merchant?.name ?? null,
        title: copy?.short_text ?? null,
        description: copy?.long_text ?? null,
        savings_text: savings,
        terms: copy?.terms_conditions ?? null,
        image_url: copy?.image_url ?? null,
        validity_text: validityText(from, until),
        cta_url: offer.clickthru_url,
        redemption_methods: offer.offer_redemption_methods,
        warnings,
      };
    }),
});
