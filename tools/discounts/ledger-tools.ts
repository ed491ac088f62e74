import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { AppError, conflict, notFound } from "@/core/errors";
import { scopeKey, TOTAL_PERIOD_START } from "@/core/governance";
import { discountCodes, discountRedemptions } from "@/db/schema";
import { normalizeCustomerId } from "@/core/customers";
import { writeAudit } from "../audit";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { applyCounterDeltas } from "./counter-writes";
import { loadSpend, loadTenantBudget, type SpendKey } from "./facts";
import { ledgerOut } from "./mappers";
import { tenantSpendKey } from "./spend-window";
import { requireSurface } from "./surface-guard";
import { LedgerEntryOutput, ListRedemptionsInput, ListRedemptionsOutput, VoidInput } from "./schemas";

// The append-only ledger: list it, and void a redemption with a compensating (negative) entry.

export const voidRedemption = defineTool({
  name: "void_redemption",
  description: "Void a redemption: appends a compensating entry that gives the budget and the use back. A second void is refused (409 already_voided).",
  input: VoidInput,
  output: LedgerEntryOutput,
  permission: "redemptions.void",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenantId) => {
      const l = discountRedemptions;
      const [orig] = await tx.select().from(l).where(and(eq(l.tenant_id, tenantId), eq(l.redemption_id, input.redemption_id)));
      if (!orig) throw notFound("Redemption");
      requireSurface(ctx.caller, orig.surface);
      if (orig.kind !== "redemption") throw conflict("This entry is itself a void; only redemptions can be voided");
      // Same lock order as redeem (code row, then spend rows): concurrent voids and redeems queue, never deadlock.
      await tx.select({ id: discountCodes.code_id }).from(discountCodes)
        .where(and(eq(discountCodes.tenant_id, tenantId), eq(discountCodes.code_id, orig.code_id))).for("update");
      const [already] = await tx.select({ id: l.redemption_id }).from(l).where(and(eq(l.tenant_id, tenantId), eq(l.voids_redemption_id, orig.redemption_id)));
      if (already) throw new AppError("already_voided", "This redemption has already been voided", { void_redemption_id: already.id });
      // Budget row FOR SHARE (as redeem): a period change waits for this void. The void gives the money back
      // to the current period's window that holds the original redemption.
      const budget = await loadTenantBudget(tx, tenantId, { lock: true });
      const keys: SpendKey[] = budget ? [tenantSpendKey(budget.period, new Date(orig.created_at))] : [];
      if (orig.offer_id) keys.push({ scope: "offer", scope_id: orig.offer_id, period_start: TOTAL_PERIOD_START });
      if (orig.campaign_id) keys.push({ scope: "campaign", scope_id: orig.campaign_id, period_start: TOTAL_PERIOD_START });
      await loadSpend(tx, tenantId, keys, { lock: true });
      const amount = Number(orig.discount_cents);
      const [entry] = await tx.insert(l).values({
        tenant_id: tenantId, kind: "void", code_id: orig.code_id, promo_code: orig.promo_code, surface: orig.surface, offer_id: orig.offer_id,
        campaign_id: orig.campaign_id, customer_id: orig.customer_id, order_id: orig.order_id, order_total_cents: orig.order_total_cents,
        discount_cents: -amount, budget_period_start: orig.budget_period_start, voids_redemption_id: orig.redemption_id,
        issuer_type: ctx.caller.issuerType, provider: ctx.caller.provider, api_key_id: ctx.caller.apiKeyId, created_at: now,
      }).returning();
      await applyCounterDeltas(tx, tenantId, new Map([[orig.code_id, -1]]), new Map(keys.map((k) => [scopeKey(k.scope, k.scope_id, k.period_start), -amount])));
      await writeAudit(tx, tenantId, {
        caller: ctx.caller, action: "void_redemption", allowed: true, subject_type: "redemption", subject_id: orig.redemption_id, at: now,
        details: { void_redemption_id: entry.redemption_id, discount_cents: -amount, reason: input.reason ?? null },
      });
      return ledgerOut(entry);
    });
  },
});

export const listRedemptions = defineTool({
  name: "list_redemptions",
  description: "The redemption ledger, newest first: redemptions and their voids (negative discount_cents).",
  input: ListRedemptionsInput,
  output: ListRedemptionsOutput,
  permission: "redemptions.read",
  async execute(input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const l = discountRedemptions;
      const where: SQL[] = [eq(l.tenant_id, tenantId)];
      if (input.code_id) where.push(eq(l.code_id, input.code_id));
      if (input.customer_id) where.push(eq(l.customer_id, normalizeCustomerId(input.customer_id)));
      if (input.kind) where.push(eq(l.kind, input.kind));
      const rows = await tx.select().from(l).where(and(...where)).orderBy(desc(l.created_at), desc(l.redemption_id)).limit(input.limit).offset(input.offset);
      const [{ n }] = await tx.select({ n: count() }).from(l).where(and(...where));
      return { redemptions: rows.map(ledgerOut), total_count: Number(n), limit: input.limit, offset: input.offset };
    });
  },
});

export const ledgerTools = [voidRedemption, listRedemptions];
