import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { normalizeCustomerId } from "@/core/customers";
import { AppError, notFound } from "@/core/errors";
import { applyLedgerEffect, decideRedemption, type GovernanceReason } from "@/core/governance";
import type { Tx } from "@/db/database";
import { discountRedemptions } from "@/db/schema";
import { type AuditEntry, auditRow, writeAudit } from "../audit";
import type { Caller } from "../context";
import { type PendingRedemption, writeRedemptions } from "./counter-writes";
import { keyOf } from "./facts";
import type { LedgerRow } from "./mappers";
import { lockedFactBook } from "./redeem-book";
import { loadLockedFacts } from "./redeem-locks";
import { idemKey, NIL_SCOPE } from "./redeem-prefix";
import { factsFor } from "./redemption-facts";
import { consumable, type Reservation, shiftHold } from "./reservation-holds";
import type { RedeemInput } from "./schemas";

// The decide-and-write transaction of redeem, for one or many requests, in three statements after
// withTenant's set_config: facts and all locks (offers → codes → budget → spend) → live counts (uses, holds) →
// ledger + counters + audit: with BEGIN, set_config and COMMIT, six round trips, as many as a naive redemption. Exact across processes because every limit is checked on counts read under
// the row locks, and spend rows change only together with ledger rows.

/** One redemption request; `scope` is its idempotency scope (the caller's API key, or NIL_SCOPE without one). */
export type RedeemJob = { input: RedeemInput; caller: Caller; now: Date; customerKey: string; requestHash: string; scope: string };

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
  const body = [
    input.promo_code, input.surface, input.order_total_cents, customerKey, input.order_id ?? null, ...(input.location_id ? [input.location_id] : []),
    ...(input.reservation_id ? [`reservation:${input.reservation_id}`] : []),
  ];
  const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  return { input, caller, now, customerKey, requestHash, scope: caller.apiKeyId ?? NIL_SCOPE };
}

const conflict = () => new AppError("idempotency_conflict", "This Idempotency-Key was already used with a different request body");
const reservationInvalid = () =>
  new AppError("reservation_invalid", "This reservation cannot be redeemed: it was consumed, released or has expired, or is for another customer, code or surface");

/** Decides and writes a batch of redemptions for one tenant inside `tx`; one outcome per job, in order. */
export async function redeemBatchInTx(tx: Tx, tenantId: string, jobs: RedeemJob[]): Promise<RedeemOutcome[]> {
  // 1. Facts and locks (one statement): config, eligibility, KPI snapshots, idempotency keys already used, then
  // the locks (offers, campaigns → codes → budget → spend) planned from those reads inside the statement.
  const keyOfJob = (j: RedeemJob) => idemKey(j.scope, j.input.idempotency_key);
  const facts = await loadLockedFacts(tx, tenantId, {
    promoCodes: [...new Set(jobs.map((j) => j.input.promo_code))], keys: [...new Set(jobs.map(keyOfJob))],
    customerKeys: [...new Set(jobs.map((j) => j.customerKey))], nows: jobs.map((j) => j.now),
  });
  const pre = facts.pre;
  // Another API key's use of the same string is another request: only keys used in the job's own scope count.
  const replays = jobs.filter((j) => pre.usedKeys.has(keyOfJob(j)));
  const used = [...new Set(replays.map((j) => j.input.idempotency_key))];
  const prior = used.length === 0 ? [] : await tx.select().from(discountRedemptions).where(and(eq(discountRedemptions.tenant_id, tenantId),
    inArray(discountRedemptions.idem_scope, [...new Set(replays.map((j) => j.scope))]), inArray(discountRedemptions.idempotency_key, used)));
  const priorByKey = new Map(prior.map((r) => [idemKey(r.api_key_id ?? NIL_SCOPE, r.idempotency_key!), r]));

  const outcomes: (RedeemOutcome | null)[] = jobs.map((j) => {
    const before = priorByKey.get(keyOfJob(j));
    if (before) return before.request_hash === j.requestHash ? { kind: "redeemed", row: before, replay: true } : { kind: "error", error: conflict() };
    if (!pre.codes.has(j.input.promo_code)) return { kind: "error", error: notFound("Promo code") };
    return null;
  });
  const planned = jobs.flatMap((j, i) => (outcomes[i] ? [] : [{ j, i, sketch: pre.codes.get(j.input.promo_code)! }]));
  if (planned.length === 0) {
    await writeAudit(tx, tenantId, jobs.flatMap((j, i) => auditFor(j, outcomes[i]!)));
    return outcomes as RedeemOutcome[];
  }
  const attemptOf = (j: RedeemJob) => ({ surface: j.input.surface, order_total_cents: j.input.order_total_cents, customerKey: j.customerKey, locationId: j.input.location_id ?? null, now: j.now });
  // 2. Live counts (one statement): net uses and live checkout holds, applied as uses and spend; named
  // reservations are locked for consuming.
  const reservationIds = planned.flatMap(({ j }) => (j.input.reservation_id ? [j.input.reservation_id] : []));
  const { codes, book, holds } = await lockedFactBook(tx, tenantId, facts, planned.map(({ j, sketch }) => ({ ...attemptOf(j), sketch })), { lock: true, reservationIds });
  const consumedHere = new Set<string>();

  const pending: (PendingRedemption & { i: number; row: LedgerRow })[] = [];
  const firstByKey = new Map<string, number>();
  for (const { j, i, sketch } of planned) {
    const code = codes.get(sketch.code_id);
    if (!code || !book) { outcomes[i] = { kind: "error", error: notFound("Promo code") }; continue; }
    const first = firstByKey.get(keyOfJob(j));
    if (first !== undefined) {
      // The same key twice in one batch: a replay of the earlier request, or a conflict.
      outcomes[i] = jobs[first].requestHash === j.requestHash ? { kind: "retry" } : { kind: "error", error: conflict() };
      continue;
    }
    firstByKey.set(keyOfJob(j), i);
    let held: Reservation | null = null;
    if (j.input.reservation_id) {
      const r = holds?.named.get(j.input.reservation_id);
      const ok = !consumedHere.has(j.input.reservation_id) && consumable(r, { code_id: code.code_id, customerKey: j.customerKey, surface: j.input.surface, now: j.now });
      if (!ok) { outcomes[i] = { kind: "error", error: reservationInvalid() }; continue; }
      // The hold becomes the real use: take it off before deciding, so the use and cents are not counted twice.
      held = r!;
      shiftHold(book.counters, held, -1);
      consumedHere.add(held.reservation_id);
    }
    const { facts, keys: spendKeys, periodStart, campaignId } = factsFor(book, { ...attemptOf(j), code });
    const decision = decideRedemption(facts);
    if (!decision.allowed) {
      if (held) {
        shiftHold(book.counters, held, 1);
        consumedHere.delete(held.reservation_id);
      }
      outcomes[i] = { kind: "rejected", reasons: decision.reasons, discount_cents: decision.discount_cents };
      continue;
    }
    const scopeKeys = spendKeys.map(keyOf);
    applyLedgerEffect(book.counters, { code_id: code.code_id, customer_key: j.customerKey, scopeKeys, discount_cents: decision.discount_cents, sign: 1, offer_id: code.offer_id });
    const row: LedgerRow = {
      tenant_id: tenantId, redemption_id: randomUUID(), kind: "redemption", code_id: code.code_id, promo_code: code.promo_code,
      surface: code.surface, offer_id: code.offer_id, campaign_id: campaignId, customer_id: j.customerKey, order_id: j.input.order_id ?? null,
      order_total_cents: j.input.order_total_cents, discount_cents: decision.discount_cents, budget_period_start: periodStart!, voids_redemption_id: null,
      idempotency_key: j.input.idempotency_key, request_hash: j.requestHash, issuer_type: j.caller.issuerType,
      provider: j.caller.provider, api_key_id: j.caller.apiKeyId, idem_scope: j.scope, created_at: j.now,
    };
    // Counted as redeemed unless the write finds its idempotency key taken (then: retry, no audit).
    outcomes[i] = { kind: "redeemed", row, replay: false };
    pending.push({ i, keys: scopeKeys, row });
  }

  // 3. Ledger rows, counters, audit and consumed reservations (one statement).
  const pendingOf = new Map(pending.map((p) => [p.i, p.row.redemption_id]));
  const audit = jobs.flatMap((j, i) => auditFor(j, outcomes[i]!).map((e) => ({ ...auditRow(tenantId, e), pending: pendingOf.get(i) ?? null })));
  // A reservation is marked consumed only together with the ledger row that spent it (the write checks that row went in).
  const consume = pending.flatMap((p) => {
    const rid = jobs[p.i].input.reservation_id;
    return rid ? [[rid, p.row.redemption_id] as [string, string]] : [];
  });
  const inserted = await writeRedemptions(tx, tenantId, pending, audit, { consume, now: jobs[0].now });
  // Not inserted: a concurrent transaction committed this key first. Nothing of ours was counted for it.
  for (const p of pending) if (!inserted.has(p.row.redemption_id)) outcomes[p.i] = { kind: "retry" };
  return outcomes as RedeemOutcome[];
}

function auditFor(j: RedeemJob, o: RedeemOutcome): AuditEntry[] {
  if (o.kind === "retry") return [];
  const base = {
    caller: j.caller, action: "redeem_discount_code", subject_type: "promo_code", subject_id: j.input.promo_code, at: j.now,
    details: { surface: j.input.surface, order_total_cents: j.input.order_total_cents, customer_id: j.customerKey, order_id: j.input.order_id ?? null, location_id: j.input.location_id ?? null, idempotency_key: j.input.idempotency_key,
      ...(j.input.reservation_id ? { reservation_id: j.input.reservation_id } : {}) } as Record<string, unknown>,
  };
  if (o.kind === "redeemed") return [{ ...base, allowed: true, details: { ...base.details, redemption_id: o.row.redemption_id, discount_cents: Number(o.row.discount_cents), replay: o.replay } }];
  if (o.kind === "rejected") return [{ ...base, allowed: false, reasons: o.reasons, details: { ...base.details, discount_cents: o.discount_cents } }];
  return [{ ...base, allowed: false, reasons: [{ code: o.error.code, message: o.error.message }] }];
}
