import { and, eq } from "drizzle-orm";
import { normalizeCustomerId } from "@/core/customers";
import { notFound, rejected } from "@/core/errors";
import { decideRedemption } from "@/core/governance";
import { discountCodes } from "@/db/schema";
import { writeAudit } from "../audit";
import { requireTenant, tenantTx } from "../context";
import { defineTool } from "../registry";
import { redeemJob } from "./redeem-batch";
import { submitRedemption } from "./redeem-queue";
import { factsFor, loadFactBook } from "./redemption-facts";
import { RedeemInput, RedeemOutput, ValidateInput, ValidateOutput } from "./schemas";

// Validate (read-only) and redeem (atomic, idempotent) share the facts loader and decideRedemption.

export const validateDiscountCode = defineTool({
  name: "validate_discount_code",
  description: "Check whether a promo code would redeem for this order now, and for how much. Returns every failing reason; changes nothing.",
  input: ValidateInput,
  output: ValidateOutput,
  permission: "codes.validate",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenantId) => {
      const [code] = await tx.select().from(discountCodes)
        .where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.promo_code, input.promo_code)));
      if (!code) throw notFound("Promo code");
      const customerKey = input.customer_id ? normalizeCustomerId(input.customer_id) : null;
      const attempt = { code, surface: input.surface, order_total_cents: input.order_total_cents, customerKey, locationId: input.location_id ?? null, now };
      const book = await loadFactBook(tx, tenantId, [attempt], { lock: false });
      const decision = decideRedemption(factsFor(book, attempt).facts);
      // The decision is audited (who asked, what was answered); no counter, budget or ledger changes.
      await writeAudit(tx, tenantId, {
        caller: ctx.caller, action: "validate_discount_code", allowed: decision.allowed, reasons: decision.reasons, at: now,
        subject_type: "promo_code", subject_id: code.promo_code,
        details: { surface: input.surface, order_total_cents: input.order_total_cents, customer_id: customerKey, location_id: input.location_id ?? null, discount_cents: decision.discount_cents },
      });
      // An invalid code is worth nothing: a connector that forgets to read `valid` still applies 0.
      return { valid: decision.allowed, discount_cents: decision.allowed ? decision.discount_cents : 0, reasons: decision.reasons };
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
