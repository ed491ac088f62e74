import { emptyCounters } from "@/core/governance";
import type { Tx } from "@/db/database";
import { keyOf, loadSpend, requireCurrency, type SpendKey } from "./facts";
import type { CodeRow } from "./mappers";
import { loadLiveCounts } from "./redeem-counts";
import type { LoadedFacts } from "./redeem-locks";
import type { CodeSketch } from "./redeem-prefix";
import { type Attempt, type FactBook, loadFactBook, spendKeysFor } from "./redemption-facts";
import { applyHolds, type Holds } from "./reservation-holds";

// Redeem's fact book from two statements on the hot path: the facts-and-locks statement (redeem-locks.ts, run by
// the caller) and then the live counts (uses and holds, one statement). Validate runs the very same reads without
// the locks, so validate and redeem decide on identically loaded facts. When the locked rows contradict the prefix
// (a code's offer or surface changed in between), the general loader runs under the code locks instead — slower,
// same answer.

/** An attempt whose code is only sketched until locked. */
export type PlannedAttempt = Omit<Attempt, "code"> & { sketch: CodeSketch };

/** The book's options: with `lock` (redeem, reserve) or not (validate); reservations a redeem names, locked for consuming. */
export type BookOptions = { lock: boolean; reservationIds?: string[] };

/**
 * Loads everything the batch is decided on, live holds applied; returns the locked code rows, the book and the holds
 * (why: decisions must see counters read under the locks, config from the prefix; named holds are consumed by the caller).
 */
export async function lockedFactBook(
  tx: Tx, tenantId: string, facts: LoadedFacts, planned: PlannedAttempt[], opts: BookOptions = { lock: true },
): Promise<{ codes: Map<string, CodeRow>; book: FactBook | null; holds: Holds | null }> {
  const { pre, locked } = facts;
  const sketches = [...new Map(planned.map((p) => [p.sketch.code_id, p.sketch])).values()];
  const codes = new Map(locked.codes.map((c) => [c.code_id, c]));
  const attempts: Attempt[] = planned.flatMap(({ sketch, ...p }) => (codes.has(sketch.code_id) ? [{ ...p, code: codes.get(sketch.code_id)! }] : []));
  if (attempts.length === 0) return { codes, book: null, holds: null };
  // A found code implies its tenant row (foreign key); refusals need its currency to word amounts.
  const currency = requireCurrency(pre.currency);
  const now = planned[0].now;
  const reservationIds = opts.reservationIds ?? [];
  const fits = sketches.every((s) => codes.get(s.code_id)?.offer_id === s.offer_id && codes.get(s.code_id)?.surface === s.surface);
  if (!locked.spend || !fits) {
    // The plan no longer holds: the general loader, under the code locks we already have; counts as below.
    const book = await loadFactBook(tx, tenantId, attempts, { ...opts, currency });
    const spendKeys = [...book.counters.spent.keys()];
    const holds = await applyLiveCounts(tx, tenantId, book, attempts, { codes: [...codes.values()], spendKeys, reservationIds, now });
    return { codes, book, holds };
  }
  // Keys as the locked budget and the prefix's offers give them (the statement locked exactly these).
  const planKeys = planned.flatMap((p) => spendKeysFor({ budget: locked.budget, offers: pre.offers }, p.sketch, p.now).keys);
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
    counters: { ...emptyCounters(), spent }, currency,
  };
  // Holds count on every scope the attempts draw on, also before the period's spend row exists.
  const spendKeys = [...new Set([...planKeys.map(keyOf), ...spent.keys()])];
  // Validate's statement read the counts already (same snapshot, no locks to wait for); redeem reads them now.
  const holds = await applyLiveCounts(tx, tenantId, book, attempts, { codes: locked.codes, spendKeys, reservationIds, now }, facts.counts);
  return { codes, book, holds };
}

/**
 * The one place use counts and holds enter a book (hot path and fallback alike): net uses per code and customer,
 * per offer and per offer and customer, the codes' counters, and live holds — one statement unless already read.
 */
async function applyLiveCounts(
  tx: Tx, tenantId: string, book: FactBook, attempts: Attempt[],
  q: { codes: CodeRow[]; spendKeys: string[]; reservationIds: string[]; now: Date },
  known?: Awaited<ReturnType<typeof loadLiveCounts>>,
): Promise<Holds> {
  const controlled = [...book.offers.entries()].flatMap(([id, o]) => (o.controls ? [[id, o.controls] as const] : []));
  const { uses, holds } = known ?? await loadLiveCounts(tx, tenantId, {
    limitedCodes: q.codes.filter((c) => c.per_customer_limit !== null).map((c) => c.code_id),
    offerTotals: controlled.filter(([, c]) => c.usage_limit !== null).map(([id]) => id),
    offerPerCustomer: controlled.filter(([, c]) => c.per_customer_limit !== null).map(([id]) => id),
    customers: attempts.flatMap((a) => (a.customerKey ? [a.customerKey] : [])),
    holds: { codeIds: q.codes.map((c) => c.code_id), spendKeys: q.spendKeys, offerIds: [...book.offers.keys()], reservationIds: q.reservationIds, now: q.now },
  });
  book.counters.customerUses = uses.customerUses;
  book.counters.offerUses = uses.offerUses;
  book.counters.offerCustomerUses = uses.offerCustomerUses;
  for (const c of q.codes) book.counters.uses.set(c.code_id, c.redemption_count);
  applyHolds(book.counters, holds);
  return holds;
}
