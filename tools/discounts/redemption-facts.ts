import {
  type BudgetPeriod, type BudgetScopeFact, type CodeFacts, type ControlFacts, type Counters, customerUseKey, emptyCounters, type KpiSnapshotFact,
  type PolicyFacts, type RedemptionFacts, TOTAL_PERIOD_START, budgetPeriodStart,
} from "@/core/governance";
import { offerGate } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import {
  keyOf, loadEligibility, loadLatestSnapshots, loadOfferBudgets, loadPolicies, loadSpend, loadTenantBudget,
  type OfferBudgetInfo, type SpendKey,
} from "./facts";
import type { CodeRow } from "./mappers";
import { lockCaps } from "./redeem-locks";

// Assembles everything a set of redemption attempts is decided on, once per batch, and hands out
// per-attempt facts computed against live counters (so attempt n sees the effect of attempts 1..n-1).

/** One attempt to decide: its code (already found, and for redeem locked), order, location and clock. */
export type Attempt = { code: CodeRow; surface: string; order_total_cents: number; customerKey: string | null; locationId?: string | null; now: Date };

export type FactBook = {
  policies: Map<string, PolicyFacts>;
  snapshots: KpiSnapshotFact[];
  budget: { cap_cents: number; period: BudgetPeriod } | null;
  offers: Map<string, OfferBudgetInfo>;
  eligibility: { restricted: Set<string>; listed: Set<string> };
  counters: Counters;
  /** The tenant's ISO 4217 currency (read with the redeem prefix), handed to every decision. */
  currency: string;
};

/** The spend rows an attempt draws on: the tenant budget in its current period, the offer's and its campaign's. */
export function spendKeysFor(book: Pick<FactBook, "budget" | "offers">, code: Pick<CodeRow, "offer_id">, now: Date): { keys: SpendKey[]; periodStart: string | null; campaignId: string | null } {
  const keys: SpendKey[] = [];
  const periodStart = book.budget ? budgetPeriodStart(book.budget.period, now) : null;
  // The period name is part of the key: a month and the quarter starting that day never share a spend row.
  if (periodStart) keys.push({ scope: "tenant", scope_id: book.budget!.period, period_start: periodStart });
  const offer = code.offer_id ? book.offers.get(code.offer_id) : undefined;
  if (code.offer_id && offer) keys.push({ scope: "offer", scope_id: code.offer_id, period_start: TOTAL_PERIOD_START });
  const campaignId = offer?.campaign_id ?? null;
  if (campaignId) keys.push({ scope: "campaign", scope_id: campaignId, period_start: TOTAL_PERIOD_START });
  return { keys, periodStart, campaignId };
}

/**
 * Loads the facts for all attempts. With `lock` (redeem): budget row FOR SHARE, then spend rows FOR UPDATE;
 * the caller has locked the code rows first. That order (codes → budget → spend) is the same everywhere.
 */
export async function loadFactBook(
  tx: Tx, tenantId: string, attempts: Attempt[], opts: { lock: boolean; currency: string; policies?: Map<string, PolicyFacts> },
): Promise<FactBook> {
  const codes = [...new Map(attempts.map((a) => [a.code.code_id, a.code])).values()];
  const surfaces = codes.map((c) => c.surface);
  const offerIds = codes.flatMap((c) => (c.offer_id ? [c.offer_id] : []));
  const customerKeys = attempts.flatMap((a) => (a.customerKey ? [a.customerKey] : []));
  const policies = opts.policies ?? (await loadPolicies(tx, tenantId, surfaces));
  const kpis = [...policies.values()].flatMap((p) => p.kpi_floors.map((f) => f.kpi));
  const [snapshots, budget, offers, eligibility] = [
    await loadLatestSnapshots(tx, tenantId, kpis, surfaces),
    await loadTenantBudget(tx, tenantId, opts),
    await loadOfferBudgets(tx, tenantId, offerIds),
    await loadEligibility(tx, tenantId, offerIds, customerKeys),
  ];
  const book: FactBook = { policies, snapshots, budget, offers, eligibility, counters: emptyCounters(), currency: opts.currency };
  if (opts.lock) await lockCaps(tx, tenantId, offers);
  const spendKeys = attempts.flatMap((a) => spendKeysFor(book, a.code, a.now).keys);
  book.counters.spent = await loadSpend(tx, tenantId, spendKeys, opts);
  // Use counts and holds come after the locks, from the one live-count statement (redeem-book.ts applyLiveCounts).
  return book;
}

/** The code as governance facts, with its live use count. */
function codeFacts(code: CodeRow, uses: number): CodeFacts {
  return {
    promo_code: code.promo_code, surface: code.surface, discount_type: code.discount_type, value: Number(code.value), status: code.status,
    starts_at: code.starts_at, expires_at: code.expires_at, usage_limit: code.usage_limit, per_customer_limit: code.per_customer_limit,
    minimum_order_cents: code.minimum_order_cents === null ? null : Number(code.minimum_order_cents), redemption_count: uses,
  };
}

/** The offer's status as its code's redemption sees it (CONTRACT §6); null for a code with no offer. */
const gateOf = (o: OfferBudgetInfo | undefined, now: Date) => (o?.gate ? offerGate(o.gate.offer_status, o.gate.offer_expiry_date, o.gate.deleted, now) : null);

/** Facts for one attempt against the book's current counters. */
export function factsFor(book: FactBook, a: Attempt): { facts: RedemptionFacts; keys: SpendKey[]; periodStart: string | null; campaignId: string | null } {
  const { keys, periodStart, campaignId } = spendKeysFor(book, a.code, a.now);
  const spent = (k: SpendKey) => book.counters.spent.get(keyOf(k)) ?? 0;
  const budgets: BudgetScopeFact[] = [];
  const offer = a.code.offer_id ? book.offers.get(a.code.offer_id) : undefined;
  for (const k of keys) {
    const cap = k.scope === "tenant" ? book.budget?.cap_cents : k.scope === "offer" ? offer?.total_budget_cents : offer?.campaign_budget_cents;
    if (cap === null || cap === undefined) continue;
    const period = k.scope === "tenant" ? book.budget!.period : "total";
    budgets.push({ scope: k.scope, scope_id: k.scope_id, cap_cents: cap, spent_cents: spent(k), period });
  }
  const restricted = !!a.code.offer_id && book.eligibility.restricted.has(a.code.offer_id);
  const c = offer?.controls;
  const controls: ControlFacts | null = c && a.code.offer_id ? {
    ...c,
    offerUses: book.counters.offerUses.get(a.code.offer_id) ?? 0,
    offerCustomerUses: a.customerKey === null ? null : (book.counters.offerCustomerUses.get(customerUseKey(a.code.offer_id, a.customerKey)) ?? 0),
  } : null;
  const facts: RedemptionFacts = {
    request: { surface: a.surface, order_total_cents: a.order_total_cents, customer_id: a.customerKey, location_id: a.locationId ?? null },
    code: { ...codeFacts(a.code, book.counters.uses.get(a.code.code_id) ?? a.code.redemption_count), offer_status: gateOf(offer, a.now) },
    policy: book.policies.get(a.code.surface) ?? null,
    snapshots: book.snapshots,
    customerUses: a.customerKey === null ? null : (book.counters.customerUses.get(customerUseKey(a.code.code_id, a.customerKey)) ?? 0),
    eligibility: { restricted, listed: restricted && a.customerKey !== null && book.eligibility.listed.has(`${a.code.offer_id}|${a.customerKey}`) },
    controls,
    budgets,
    tenantBudgetSet: book.budget !== null,
    currency: book.currency,
    now: a.now,
  };
  return { facts, keys, periodStart, campaignId };
}
