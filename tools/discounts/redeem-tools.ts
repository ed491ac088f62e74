import { normalizeCustomerId } from "@/core/customers";
import { rejected } from "@/core/errors";
import { requireTenant } from "../context";
import { defineTool } from "../registry";
import { redeemJob } from "./redeem-batch";
import { submitRedemption } from "./redeem-queue";
import { RedeemInput, RedeemOutput, ValidateInput, ValidateOutput } from "./schemas";
import { requireSurface } from "./surface-guard";
import { submitValidation } from "./validate-batch";

// Validate (read-only) and redeem (atomic, idempotent) share the fact loaders and decideRedemption.

export const validateDiscountCode = defineTool({
  name: "validate_discount_code",
  description: "Check whether a promo code would redeem for this order now, and for how much. Returns every failing reason; changes nothing.",
  input: ValidateInput,
  output: ValidateOutput,
  permission: "codes.validate",
  async execute(input, ctx) {
    requireSurface(ctx.caller, input.surface);
    const tenantId = requireTenant(ctx);
    // Writes nothing (CONTRACT §6): nothing is audited, and the shared read turns its transaction read-only.
    // Redeem's own statements without its locks, decided by the same decideRedemption (validate-batch.ts).
    return submitValidation(ctx.db, tenantId, {
      promo_code: input.promo_code, surface: input.surface, order_total_cents: input.order_total_cents,
      customerKey: input.customer_id ? normalizeCustomerId(input.customer_id) : null, locationId: input.location_id ?? null, now: ctx.now(),
    });
  },
});

export const redeemDiscountCode = defineTool({
  name: "redeem_discount_code",
  description: "Redeem a promo code for an order: checks, spends budget and writes the ledger atomically. Needs an idempotency_key (header Idempotency-Key); replays return the same redemption.",
  input: RedeemInput,
  output: RedeemOutput,
  permission: "codes.redeem",
  async execute(input, ctx) {
    const tenantId = requireTenant(ctx);
    requireSurface(ctx.caller, input.surface);
    const outcome = await submitRedemption(ctx.db, tenantId, redeemJob(input, ctx.caller, ctx.now()));
    switch (outcome.kind) {
      case "redeemed":
        return {
          redemption_id: outcome.row.redemption_id, discount_cents: Number(outcome.row.discount_cents), promo_code: outcome.row.promo_code,
          customer_id: outcome.row.customer_id, created_at: new Date(outcome.row.created_at).toISOString(),
        };
      case "rejected":
        throw rejected(outcome.reasons, { discount_cents: outcome.discount_cents });
      case "error":
        throw outcome.error;
      default:
        throw new Error("redeem: unresolved retry");
    }
  },
});
