import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { normalizeCustomerId } from "@/core/customers";
import { AppError, notFound } from "@/core/errors";
import { applyLedgerEffect, decideRedemption, type GovernanceReason } from "@/core/governance";
import type { Tx } from "@/db/database";
import { discountCodes, discountPolicies, discountRedemptions } from "@/db/schema";
import { type AuditEntry, writeAudit } from "../audit";
import type { Caller } from "../context";
import { applyCounterDeltas } from "./counter-writes";
import { keyOf } from "./facts";
import { type CodeRow, type LedgerRow, policyFacts } from "./mappers";
import { factsFor, loadFactBook } from "./redemption-facts";
import type { RedeemInput } from "./schemas";

// The locked decide-and-write step of redeem, for one or many requests in one transaction:
// lock codes → lock spend rows → decide each request in order against live counters → one ledger
// insert → one counter update per table → audit every decision. Exact across processes because all
// limits are checked under the row locks, and spend rows change only together with ledger rows.

export type RedeemJob = { input: RedeemInput; caller: Caller; now: Date; customerKey: string; requestHash: string };

export type RedeemOutcome =
  | { kind: "redeemed"; row: LedgerRow; replay: boolean }
  | { kind: "rejected"; reasons: GovernanceReason[]; discount_cents: number }
  | { kind: "error"; error: AppError }
  /** Lost an idempotency-key race to another transaction: run again alone to replay or 409. */
  | { kind: "retry" };

/** Builds a job from tool input: the customer id normalised and the body hashed for idempotency. */
export function redeemJob(input: RedeemInput, caller: Caller, now: Date): RedeemJob {
  const customerKey = normalizeCustomerId(input.customer_id);
  // location_id joins the hash only when sent, so keys stored before it existed still replay.
  const body = [input.promo_code, input.surface, input.order_total_cents, customerKey, input.order_id ?? null, ...(input.location_id ? [input.location_id] : [])];
  return { input, caller, now, customerKey, requestHash: createHash("sha256").update(JSON.stringify(body)).digest("hex") };
}

const conflict = () => new AppError("idempotency_conflict", "This Idempotency-Key was already used with a different request body");

/** Decides and writes a batch of redemptions for one tenant inside `tx`; one outcome per job, in order. */
export async function redeemBatchInTx(tx: Tx, tenantId: string, jobs: RedeemJob[]): Promise<RedeemOutcome[]> {
  const promoCodes = [...new Set(jobs.map((j) => j.input.promo_code))];
  // Codes locked in code_id order (the global lock order), with their surface policy in the same round trip.
  const locked = await tx.select({ code: discountCodes, policy: discountPolicies }).from(discountCodes)
    .leftJoin(discountPolicies, and(eq(discountPolicies.tenant_id, discountCodes.tenant_id), eq(discountPolicies.surface, discountCodes.surface)))
    .where(and(eq(discountCodes.tenant_id, tenantId), inArray(discountCodes.promo_code, promoCodes)))
    .orderBy(discountCodes.code_id).for("update", { of: discountCodes });
  const codes: CodeRow[] = locked.map((r) => r.code);
  const policies = new Map(locked.flatMap((r) => (r.policy ? [[r.policy.surface, policyFacts(r.policy)] as const] : [])));
  const codeByPromo = new Map(codes.map((c) => [c.promo_code, c]));
  const keys = [...new Set(jobs.map((j) => j.input.idempotency_key))];
  const prior = await tx.select().from(discountRedemptions)
    .where(and(eq(discountRedemptions.tenant_id, tenantId), inArray(discountRedemptions.idempotency_key, keys)));
  const priorByKey = new Map(prior.map((r) => [r.idempotency_key!, r]));

  const outcomes: (RedeemOutcome | null)[] = jobs.map((j) => {
    const before = priorByKey.get(j.input.idempotency_key);
    if (before) return before.request_hash === j.requestHash ? { kind: "redeemed", row: before, replay: true } : { kind: "error", error: conflict() };
    if (!codeByPromo.has(j.input.promo_code)) return { kind: "error", error: notFound("Promo code") };
    return null;
  });
  const live = jobs.flatMap((j, i) => (outcomes[i] ? [] : [{ j, i, code: codeByPromo.get(j.input.promo_code)! }]));
  if (live.length === 0) {
    await writeAudit(tx, tenantId, jobs.flatMap((j, i) => auditFor(j, outcomes[i]!)));
    return outcomes as RedeemOutcome[];
  }
  const attemptOf = (j: RedeemJob, code: CodeRow) =>
    ({ code, surface: j.input.surface, order_total_cents: j.input.order_total_cents, customerKey: j.customerKey, locationId: j.input.location_id ?? null, now: j.now });
  const book = await loadFactBook(tx, tenantId, live.map(({ j, code }) => attemptOf(j, code)), { lock: true, policies });

  const pending: { i: number; row: typeof discountRedemptions.$inferInsert; keys: string[] }[] = [];
  const firstByKey = new Map<string, number>();
  for (const { j, i, code } of live) {
    const first = firstByKey.get(j.input.idempotency_key);
    if (first !== undefined) {
      // The same key twice in one batch: a replay of the earlier request, or a conflict.
      outcomes[i] = jobs[first].requestHash === j.requestHash ? { kind: "retry" } : { kind: "error", error: conflict() };
      continue;
    }
    firstByKey.set(j.input.idempotency_key, i);
    const { facts, keys: spendKeys, periodStart, campaignId } = factsFor(book, attemptOf(j, code));
    const decision = decideRedemption(facts);
    if (!decision.allowed) {
      outcomes[i] = { kind: "rejected", reasons: decision.reasons, discount_cents: decision.discount_cents };
      continue;
    }
    const keys = spendKeys.map(keyOf);
    applyLedgerEffect(book.counters, { code_id: code.code_id, customer_key: j.customerKey, scopeKeys: keys, discount_cents: decision.discount_cents, sign: 1, offer_id: code.offer_id });
    pending.push({
      i, keys,
      row: {
        tenant_id: tenantId, redemption_id: randomUUID(), kind: "redemption", code_id: code.code_id, promo_code: code.promo_code,
        surface: code.surface, offer_id: code.offer_id, campaign_id: campaignId, customer_id: j.customerKey, order_id: j.input.order_id ?? null,
        order_total_cents: j.input.order_total_cents, discount_cents: decision.discount_cents, budget_period_start: periodStart!,
        idempotency_key: j.input.idempotency_key, request_hash: j.requestHash, issuer_type: j.caller.issuerType,
        provider: j.caller.provider, api_key_id: j.caller.apiKeyId, created_at: j.now,
      },
    });
  }

  if (pending.length) {
    const inserted = await tx.insert(discountRedemptions).values(pending.map((p) => p.row))
      .onConflictDoNothing({ target: [discountRedemptions.tenant_id, discountRedemptions.idempotency_key] }).returning();
    const byId = new Map(inserted.map((r) => [r.redemption_id, r]));
    const useDelta = new Map<string, number>();
    const spendDelta = new Map<string, number>();
    for (const p of pending) {
      const row = byId.get(p.row.redemption_id!);
      // Not inserted: a concurrent transaction committed this key first. Nothing of ours was counted for it.
      if (!row) { outcomes[p.i] = { kind: "retry" }; continue; }
      outcomes[p.i] = { kind: "redeemed", row, replay: false };
      useDelta.set(row.code_id, (useDelta.get(row.code_id) ?? 0) + 1);
      for (const k of p.keys) spendDelta.set(k, (spendDelta.get(k) ?? 0) + Number(row.discount_cents));
    }
    await applyCounterDeltas(tx, tenantId, useDelta, spendDelta);
  }
  await writeAudit(tx, tenantId, jobs.flatMap((j, i) => auditFor(j, outcomes[i]!)));
  return outcomes as RedeemOutcome[];
}

function auditFor(j: RedeemJob, o: RedeemOutcome): AuditEntry[] {
  if (o.kind === "retry") return [];
  const base = {
    caller: j.caller, action: "redeem_discount_code", subject_type: "promo_code", subject_id: j.input.promo_code, at: j.now,
    details: { surface: j.input.surface, order_total_cents: j.input.order_total_cents, customer_id: j.customerKey, order_id: j.input.order_id ?? null, location_id: j.input.location_id ?? null, idempotency_key: j.input.idempotency_key } as Record<string, unknown>,
  };
  if (o.kind === "redeemed") return [{ ...base, allowed: true, details: { ...base.details, redemption_id: o.row.redemption_id, discount_cents: Number(o.row.discount_cents), replay: o.replay } }];
  if (o.kind === "rejected") return [{ ...base, allowed: false, reasons: o.reasons, details: { ...base.details, discount_cents: o.discount_cents } }];
  return [{ ...base, allowed: false, reasons: [{ code: o.error.code, message: o.error.message }] }];
}
