// The offer vocabulary every layer speaks: offer types, program types, redemption methods,
// distribution channels and surfaces. The agent's draft, the offers tools and the UI form all read
// these lists, so a new value is added in one place and core imports nothing of ours.

/** closed_loop: a known list redeems; open_loop: anyone with the code; hybrid: both. */
export const PROGRAM_TYPES = ["closed_loop", "open_loop", "hybrid"] as const;
/** What the customer gets; create_offer maps each to its governed code terms (core/offers/code-terms). */
export const OFFER_TYPES = ["percentage_discount", "fixed_discount", "bogo", "free_shipping", "cashback"] as const;
/** How a customer redeems the offer. */
export const REDEMPTION_METHODS = ["promo_code", "show_save", "barcode", "online_link"] as const;
/** Where the offer is distributed (CONTRACT §3 distribution_channels). */
export const DISTRIBUTION_CHANNELS = ["hub_airdrops", "marketplace", "activation_links", "promo_code_redemption"] as const;
/** The surfaces the copilot drafts for (a tenant's own surfaces are rows in `surfaces`). */
export const SURFACES = ["shopify", "marketplace", "hub", "wix"] as const;

export type ProgramType = (typeof PROGRAM_TYPES)[number];
export type OfferType = (typeof OFFER_TYPES)[number];
export type RedemptionMethod = (typeof REDEMPTION_METHODS)[number];
export type DistributionChannel = (typeof DISTRIBUTION_CHANNELS)[number];
