import { emptyCounters } from "@/core/governance";
import type { Tx } from "@/db/database";
import { keyOf, loadSpend, type SpendKey } from "./facts";
import type { CodeRow } from "./mappers";
import { loadLiveUses, lockForRedeem } from "./redeem-locks";
import type { CodeSketch, RedeemPrefix } from "./redeem-prefix";
import { type Attempt, type FactBook, loadFactBook, spendKeysFor } from "./redemption-facts";

// Redeem's fact book in two round trips on the hot path: the locks (offers/campaigns → codes → budget →
// spend, one statement, planned from the lock-free prefix) and then the live use counts. Validate runs the
// very same reads without the locks, so validate and redeem decide on identically loaded facts. When the locked rows
// contradict the plan (a code or the budget period changed since the prefix), the general loader runs
// under the code locks instead — slower, same answer.

/** An attempt whose code is only sketched until locked. */
export type PlannedAttempt = Omit<Attempt, "code"> & { sketch: CodeSketch };

/**
 * Locks and loads everything the batch is decided on; returns the locked code rows and the book
 * (why: decisions must see counters read under the locks, config from the prefix).
 */
export async function lockedFactBook(
  tx: Tx, tenantId: string, pre: RedeemPrefix, planned: PlannedAttempt[], opts: { lock: boolean } = { lock: true },
): Promise<{ codes: Map<string, CodeRow>; book: FactBook | null }> {
  const sketches = [...new Map(planned.map((p) => [p.sketch.code_id, p.sketch])).values()];
  const planKeys = planned.flatMap((p) => spendKeysFor(pre, p.sketch, p.now).keys);
  const offerIds = sketches.flatMap((c) => (c.offer_id ? [c.offer_id] : []));
  const campaignIds = offerIds.flatMap((id) => pre.offers.get(id)?.campaign_id ?? []);
  const locked = await lockForRedeem(tx, tenantId, sketches, pre.budget?.period ?? null, planKeys, { offerIds, campaignIds }, opts);
  const codes = new Map(locked.codes.map((c) => [c.code_id, c]));
  const attempts: Attempt[] = planned.flatMap(({ sketch, ...p }) => (codes.has(sketch.code_id) ? [{ ...p, code: codes.get(sketch.code_id)! }] : []));
  if (attempts.length === 0) return { codes, book: null };
  if (!locked.spend || locked.codes.length !== sketches.length) {
    // The plan no longer holds: the general loader, under the code locks we already have.
    return { codes, book: await loadFactBook(tx, tenantId, attempts, opts) };
  }
  let spent = locked.spend;
  if (opts.lock && planKeys.some((k: SpendKey) => !spent.has(keyOf(k)))) spent = await loadSpend(tx, tenantId, planKeys, { lock: true });
  // Caps and offer status as read under the locks: a cap lowered or an offer paused while we waited applies to us.
  const offers = new Map([...pre.offers].map(([id, o]) => [id, {
    ...o,
    ...(locked.offerCaps.has(id) ? { total_budget_cents: locked.offerCaps.get(id)!.cap, gate: locked.offerCaps.get(id)!.gate } : {}),
    campaign_budget_cents: o.campaign_id && locked.campaignCaps.has(o.campaign_id) ? locked.campaignCaps.get(o.campaign_id)! : o.campaign_budget_cents,
  }]));
  const book: FactBook = {
    policies: pre.policies, snapshots: pre.snapshots, budget: locked.budget, offers, eligibility: pre.eligibility,
    counters: { ...emptyCounters(), spent },
  };
  const customers = attempts.flatMap((a) => (a.customerKey ? [a.customerKey] : []));
  const controlled = [...pre.offers.entries()].flatMap(([id, o]) => (o.controls ? [[id, o.controls] as const] : []));
  const uses = await loadLiveUses(tx, tenantId,
    locked.codes.filter((c) => c.per_customer_limit !== null).map((c) => c.code_id),
    controlled.filter(([, c]) => c.usage_limit !== null).map(([id]) => id),
    controlled.filter(([, c]) => c.per_customer_limit !== null).map(([id]) => id), customers);
  book.counters.customerUses = uses.customerUses;
  book.counters.offerUses = uses.offerUses;
  book.counters.offerCustomerUses = uses.offerCustomerUses;
  for (const c of locked.codes) book.counters.uses.set(c.code_id, c.redemption_count);
  return { codes, book };
}
