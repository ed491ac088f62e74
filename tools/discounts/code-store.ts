import { AppError, conflict, rejected } from "@/core/errors";
import { decideCodeTerms, type GovernanceReason } from "@/core/governance";
import { generatePromoCode } from "@/core/offers/promo-code";
import type { Tx } from "@/db/database";
import { discountCodes } from "@/db/schema";
import { writeAudit } from "../audit";
import { offerCodeStart, recordPauses } from "../offers/code-guard";
import type { Caller } from "../context";
import { loadPolicies, loadTenantCurrency } from "./facts";
import { type CodeRow, codeOut } from "./mappers";
import type { CodeOutput, CreateCodeInput } from "./schemas";

// Creating a governed promo code inside any transaction: the offers engineer creates one together
// with an offer, the agent commits through it, and the create tool wraps it.

export { generatePromoCode };
const MAX_GENERATE_ATTEMPTS = 6;

export type CreateCodeResult = { ok: true; code: CodeOutput } | { ok: false; reasons: GovernanceReason[] };

/**
 * Policy-checks and inserts a code in `tx`, recording the issuer and an audit row either way.
 * Returns the reasons instead of throwing, so a caller can commit the audit row and then reject.
 */
export async function tryCreateCodeInTx(tx: Tx, tenantId: string, input: CreateCodeInput, caller: Caller, now: Date): Promise<CreateCodeResult> {
  const policy = (await loadPolicies(tx, tenantId, [input.surface])).get(input.surface) ?? null;
  const decision = decideCodeTerms(policy, input.surface, input, await loadTenantCurrency(tx, tenantId));
  const audit = { caller, action: "create_discount_code", subject_type: "promo_code", at: now, details: { ...input } };
  if (!decision.allowed) {
    await writeAudit(tx, tenantId, { ...audit, allowed: false, reasons: decision.reasons, subject_id: input.promo_code ?? null });
    return { ok: false, reasons: decision.reasons };
  }
  // A code on an offer that is not active starts paused by it (CONTRACT §6); 404/403 come from the offer side.
  const start = input.offer_id ? await offerCodeStart(tx, input.offer_id, caller, now) : "active";
  const row = await insertUnique(tx, tenantId, input, caller, now, start);
  if (start === "inactive") await recordPauses(tx, tenantId, input.offer_id!, [row.code_id]);
  await writeAudit(tx, tenantId, { ...audit, allowed: true, subject_id: row.promo_code, details: { ...input, code_id: row.code_id } });
  return { ok: true, code: codeOut(row) };
}

/** Like tryCreateCodeInTx but throws the 422 (policy_violation); the caller's rollback then drops the audit row too. */
export async function createCodeInTx(tx: Tx, tenantId: string, input: CreateCodeInput, caller: Caller, now: Date): Promise<CodeOutput> {
  const result = await tryCreateCodeInTx(tx, tenantId, input, caller, now);
  if (!result.ok) throw rejected(result.reasons);
  return result.code;
}

/** Inserts with ON CONFLICT DO NOTHING so a taken code never aborts the surrounding transaction. */
async function insertUnique(tx: Tx, tenantId: string, input: CreateCodeInput, caller: Caller, now: Date, status: "active" | "inactive"): Promise<CodeRow> {
  for (let attempt = 0; attempt < MAX_GENERATE_ATTEMPTS; attempt++) {
    const promo_code = input.promo_code ?? generatePromoCode();
    const [row] = await tx.insert(discountCodes).values({
      tenant_id: tenantId, promo_code, surface: input.surface, discount_type: input.discount_type, value: input.value,
      offer_id: input.offer_id ?? null, usage_limit: input.usage_limit ?? null, per_customer_limit: input.per_customer_limit ?? null,
      starts_at: input.starts_at ? new Date(input.starts_at) : null, expires_at: input.expires_at ? new Date(input.expires_at) : null,
      minimum_order_cents: input.minimum_order_cents ?? null, status, issuer_type: caller.issuerType,
      provider: caller.provider, api_key_id: caller.apiKeyId, created_at: now, updated_at: now,
    }).onConflictDoNothing({ target: [discountCodes.tenant_id, discountCodes.promo_code] }).returning();
    if (row) return row;
    if (input.promo_code) throw conflict(`Promo code ${promo_code} already exists`);
  }
  throw new AppError("internal", "Could not generate a unique promo code; try again");
}
