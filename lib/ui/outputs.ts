import type { z } from "zod";
import type { CodeOutput } from "@/tools/discounts/schemas";
import type { OfferListOutput, OfferOutput } from "@/tools/offers/offer-schemas";

// The tool outputs the offer pages read, as the tools' own z.output types (never copied by hand).

/** One offer as GET /dashboard/offers/{offer_id} answers it. */
export type OfferSummary = z.output<typeof OfferOutput>;
/** A page of offers as GET /dashboard/offers answers it. */
export type OfferList = z.output<typeof OfferListOutput>;
/** One promo code as GET /dashboard/promo-codes answers it. */
export type PromoCode = z.output<typeof CodeOutput>;
