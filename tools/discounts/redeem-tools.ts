import { normalizeCustomerId } from "@/core/customers";
import { notFound, rejected } from "@/core/errors";
import { decideRedemption } from "@/core/governance";
import { requireTenant, tenantTx } from "../context";
import { defineTool } from "../registry";
import { redeemJob } from "./redeem-batch";
import { lockedFactBook } from "./redeem-book";
import { loadLockedFacts } from "./redeem-locks";
import { submitRedemption } from "./redeem-queue";
import { factsFor } from "./redemption-facts";
import { RedeemInput, RedeemOutput, ValidateInput, ValidateOutput } from "./schemas";
import { requireSurface } from "./surface-guard";

// Validate (read-only) and redeem (atomic, idempotent) share the fact loaders and decideRedemption.

export const validateDiscountCode = defineTool({
  name: "validate_discount_code",
  description: "Check whether a promo code would redeem for this order now, and for how much. Returns every failing reason; changes nothing.",
  input: ValidateInput,
  output: ValidateOutput,
  permission: "codes.validate",
  async execute(input, ctx) {
    requireSurface(ctx.caller, input.surface);
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenantId) => {
      // Writes nothing (CONTRACT §6): nothing is audited, and the reads below turn the transaction read-only.
      const customerKey = input.customer_id ? normalizeCustomerId(input.customer_id) : null;
      // Redeem's own statements, without its locks: the same prefix, the same reads, the same live counts and holds.
      const facts = await loadLockedFacts(tx, tenantId, { promoCodes: [input.promo_code], keys: [], customerKeys: customerKey ? [customerKey] : [], nows: [now] }, { lock: false });
      const sketch = facts.pre.codes.get(input.promo_code);
      if (!sketch) throw notFound("Promo code");
      const attempt = { surface: input.surface, order_total_cents: input.order_total_cents, customerKey, locationId: input.location_id ?? null, now };
      const { codes, book } = await lockedFactBook(tx, tenantId, facts, [{ ...attempt, sketch }], { lock: false });
      const code = codes.get(sketch.code_id);
      if (!code || !book) throw notFound("Promo code");
      const decision = decideRedemption(factsFor(book, { ...attempt, code }).facts);
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
