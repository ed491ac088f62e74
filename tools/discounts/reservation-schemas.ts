import { z } from "zod";
import { Uuid } from "../tenancy/schemas";
import { Cents, CustomerId, PromoCode, Surface } from "./schemas";

// Zod schemas of checkout reservations (CONTRACT §8). Field names are the contract's.

/** Shortest and longest hold a caller may ask for; the tenant default is 15 minutes. */
export const MIN_TTL_SECONDS = 30;
export const MAX_TTL_SECONDS = 24 * 3600;
export const DEFAULT_TTL_SECONDS = 15 * 60;

export const ReserveInput = z
  .object({
    promo_code: PromoCode,
    surface: Surface,
    order_total_cents: Cents,
    customer_id: CustomerId,
    ttl_seconds: z.number().int().min(MIN_TTL_SECONDS).max(MAX_TTL_SECONDS).optional()
      .describe("How long the hold lasts; default the tenant's reservation_ttl_seconds setting, else 900"),
    idempotency_key: z.string().trim().min(1).max(200).regex(/^[^\u0000]*$/, "must not contain NUL bytes"),
  })
  .strict();
export type ReserveInput = z.output<typeof ReserveInput>;

export const ReserveOutput = z.object({
  reservation_id: Uuid,
  discount_cents: z.number().int(),
  expires_at: z.string(),
});

export const ReleaseInput = z.object({ reservation_id: Uuid }).strict();
