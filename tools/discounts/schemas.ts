import { z } from "zod";
import { REJECTION_CODES } from "@/core/errors";
import { codeTermsIssues, DISCOUNT_TYPES } from "@/core/governance";
import { Cents, listOf, PageInput, PositiveInt, PromoCode, Text, Uuid } from "@/core/primitives";

// Zod in/out schemas for the discount engine (CONTRACT §2). Field names are the contract's;
// TypeScript types are inferred from here, never written by hand.

export const Surface = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lower-case letters, digits, _ and -, e.g. shopify");
export { Cents, PromoCode };
export const DateTime = z.iso.datetime({ offset: true });
export const DiscountType = z.enum(DISCOUNT_TYPES)
  .describe("percentage (value is a percent), fixed (value is cents) or free_shipping (value 0: no cash off, still governed by policy, KPI floors, dates and limits)");
export const CustomerId = Text(320);

/** Pagination shared by every list (CONTRACT §0): core/primitives' PageInput. */
export const ListQuery = PageInput;

export const ReasonOut = z.object({ code: z.string(), message: z.string() });

// ---- codes ----
/** The core's shape rule for terms (core/governance/code-terms.ts), reported as zod issues. */
const ValueRule = (v: { discount_type?: z.infer<typeof DiscountType>; value?: number }, ctx: z.RefinementCtx) => {
  for (const i of codeTermsIssues(v)) ctx.addIssue({ code: "custom", path: [i.field], message: i.message });
};
const CodeValue = z.number().min(0).max(1_000_000_000_000).describe("Percent for percentage, cents for fixed, 0 for free_shipping");
const DatesRule = (v: { starts_at?: string | null; expires_at?: string | null }, ctx: z.RefinementCtx) => {
  if (v.starts_at && v.expires_at && Date.parse(v.expires_at) <= Date.parse(v.starts_at)) {
    ctx.addIssue({ code: "custom", path: ["expires_at"], message: "must be after starts_at" });
  }
};

export const CreateCodeInput = z
  .object({
    surface: Surface,
    discount_type: DiscountType,
    value: CodeValue,
    promo_code: PromoCode.optional(),
    offer_id: Uuid.optional(),
    usage_limit: PositiveInt.optional(),
    per_customer_limit: PositiveInt.optional(),
    starts_at: DateTime.optional(),
    expires_at: DateTime.optional(),
    minimum_order_cents: Cents.optional(),
  })
  .strict()
  .superRefine(ValueRule)
  .superRefine(DatesRule);
export type CreateCodeInput = z.output<typeof CreateCodeInput>;

export const UpdateCodeInput = z
  .object({
    code_id: Uuid,
    discount_type: DiscountType.optional(),
    value: CodeValue.optional(),
    usage_limit: PositiveInt.nullable().optional(),
    per_customer_limit: PositiveInt.nullable().optional(),
    starts_at: DateTime.nullable().optional(),
    expires_at: DateTime.nullable().optional(),
    minimum_order_cents: Cents.nullable().optional(),
    status: z.enum(["active", "inactive"]).optional(),
  })
  .strict()
  .superRefine(DatesRule);
export type UpdateCodeInput = z.output<typeof UpdateCodeInput>;

export const CodeIdInput = z.object({ code_id: Uuid }).strict();

export const CodeOutput = z.object({
  code_id: Uuid,
  promo_code: z.string(),
  surface: z.string(),
  discount_type: DiscountType,
  value: z.number(),
  offer_id: z.string().nullable(),
  usage_limit: z.number().int().nullable(),
  per_customer_limit: z.number().int().nullable(),
  redemption_count: z.number().int(),
  minimum_order_cents: z.number().int().nullable(),
  issuer_type: z.enum(["connector", "agent", "human"]),
  provider: z.string().nullable(),
  api_key_id: z.string().nullable(),
  starts_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  status: z.enum(["active", "inactive"]),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CodeOutput = z.input<typeof CodeOutput>;

export const ListCodesInput = z
  .object({ ...ListQuery, surface: Surface.optional(), status: z.enum(["active", "inactive"]).optional(), offer_id: Uuid.optional() })
  .strict();
export const ListCodesOutput = listOf("promo_codes", CodeOutput);

// ---- validate / redeem ----
/** Where the order is redeemed: required when the offer's redemption controls restrict locations. */
const LocationId = Uuid.describe("location_id of the merchant location where the order is redeemed; required when the offer's redemption controls list locations (not_eligible otherwise)");
export const ValidateInput = z
  .object({ promo_code: PromoCode, surface: Surface, order_total_cents: Cents, customer_id: CustomerId.optional(), location_id: LocationId.optional() })
  .strict();
export type ValidateInput = z.output<typeof ValidateInput>;
export const ValidateOutput = z.object({ valid: z.boolean(), discount_cents: z.number().int(), reasons: z.array(ReasonOut) });

export const RedeemInput = z
  .object({
    promo_code: PromoCode,
    surface: Surface,
    order_total_cents: Cents,
    customer_id: CustomerId,
    order_id: Text(200).optional(),
    location_id: LocationId.optional(),
    reservation_id: Uuid.optional().describe("A checkout reservation to consume (CONTRACT §8): same customer, code and surface, not expired"),
    idempotency_key: Text(200),
  })
  .strict();
export type RedeemInput = z.output<typeof RedeemInput>;
export const RedeemOutput = z.object({
  redemption_id: Uuid,
  discount_cents: z.number().int(),
  promo_code: z.string(),
  customer_id: z.string(),
  created_at: z.string(),
});
export type RedeemOutput = z.input<typeof RedeemOutput>;

// ---- ledger ----
export const LedgerEntryOutput = z.object({
  redemption_id: Uuid,
  kind: z.enum(["redemption", "void"]),
  code_id: Uuid,
  promo_code: z.string(),
  surface: z.string(),
  offer_id: z.string().nullable(),
  campaign_id: z.string().nullable(),
  customer_id: z.string(),
  order_id: z.string().nullable(),
  order_total_cents: z.number().int(),
  discount_cents: z.number().int(),
  budget_period_start: z.string(),
  voids_redemption_id: z.string().nullable(),
  issuer_type: z.string().nullable(),
  provider: z.string().nullable(),
  created_at: z.string(),
});
export type LedgerEntryOutput = z.input<typeof LedgerEntryOutput>;
export const VoidInput = z.object({ redemption_id: Uuid, reason: z.string().trim().max(500).optional() }).strict();
export const ListRedemptionsInput = z
  .object({ ...ListQuery, code_id: Uuid.optional(), customer_id: CustomerId.optional(), kind: z.enum(["redemption", "void"]).optional() })
  .strict();
export const ListRedemptionsOutput = listOf("redemptions", LedgerEntryOutput);

export const RejectionCode = z.enum(REJECTION_CODES);
