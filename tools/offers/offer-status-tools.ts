import { eq, sql } from "drizzle-orm";
import { AppError } from "@/core/errors";
import { checkStatusChange, effectiveStatus, type OfferStatus } from "@/core/offers/lifecycle";
import { offers } from "@/db/schema";
import { type ToolContext, tenantTx } from "../context";
import { defineTool } from "../registry";
import { auditOfferChange, recordingRefusal } from "./offer-audit";
import { assertOfferPasses } from "./offer-check-tools";
import { afterStatusChange } from "./offer-codes";
import { loadOffer, readOffer } from "./offer-read";
import { OfferIdInput, OfferOutput } from "./offer-schemas";

// Explicit lifecycle operations for admins: activate and deactivate (CONTRACT §3).

async function moveTo(target: OfferStatus, offerId: string, ctx: ToolContext) {
  return recordingRefusal(ctx, offerId, (refusal) => tenantTx(ctx, async (tx, tenantId) => {
    const row = await loadOffer(tx, offerId, { lock: true });
    const problem = checkStatusChange({
      storedFrom: row.offer_status, storedTo: target, expiryFrom: row.offer_expiry_date, expiryTo: row.offer_expiry_date,
      requested: target, canActivate: true, now: ctx.now(),
    });
    if (problem) throw new AppError(problem.code, problem.message);
    // CONTRACT §9: activation (an admin's approval) runs every check of the offer and its codes now.
    if (target === "active" && row.offer_status !== "active") {
      await assertOfferPasses(tx, row, ctx.now()).catch((e: AppError) => { refusal.error = e; throw e; });
    }
    const before = await readOffer(tx, offerId, ctx.now());
    await tx.update(offers).set({ offer_status: target, updated_at: sql`now()` }).where(eq(offers.offer_id, offerId));
    if (effectiveStatus(row.offer_status, row.offer_expiry_date, ctx.now()) !== target) {
      await afterStatusChange(tx, tenantId, offerId, target, ctx);
    }
    const after = await readOffer(tx, offerId, ctx.now());
    await auditOfferChange(tx, tenantId, ctx, target === "active" ? "activate_offer" : "deactivate_offer", offerId, before, after);
    return after;
  }));
}

export const activateOffer = defineTool({
  name: "activate_offer",
  description: "Activate an offer (admin only): draft or inactive → active. Refused with 422 expired once its expiry has passed.",
  input: OfferIdInput,
  output: OfferOutput,
  permission: "offers.activate",
  execute: (input, ctx) => moveTo("active", input.offer_id, ctx),
});

export const deactivateOffer = defineTool({
  name: "deactivate_offer",
  description: "Deactivate an offer (admin only): it stops showing on public surfaces; it can be activated again.",
  input: OfferIdInput,
  output: OfferOutput,
  permission: "offers.activate",
  execute: (input, ctx) => moveTo("inactive", input.offer_id, ctx),
});
