import type { BudgetScope } from "./types";

// In-memory counters a batch of redemptions is decided against: each allowed redemption is applied
// before the next one is decided, so a batch can never promise more than the locked rows allow.

export type Counters = {
  /** Net uses per code_id. */
  uses: Map<string, number>;
  /** Net uses per `${code_id}|${customer_key}`. */
  customerUses: Map<string, number>;
  /** Spent cents per budget scope key (see scopeKey). */
  spent: Map<string, number>;
  /** Net uses per offer_id (all its codes), for offers whose redemption controls limit uses. */
  offerUses: Map<string, number>;
  /** Net uses per `${offer_id}|${customer_key}`, for offers whose controls limit uses per customer. */
  offerCustomerUses: Map<string, number>;
};

/** The identity of one spend counter row. */
export function scopeKey(scope: BudgetScope, scopeId: string, periodStart: string): string {
  return `${scope}|${scopeId}|${periodStart}`;
}

/** Key of a (code, customer) use counter. */
export function customerUseKey(codeId: string, customerKey: string): string {
  return `${codeId}|${customerKey}`;
}

/** Empty counters. */
export function emptyCounters(): Counters {
  return { uses: new Map(), customerUses: new Map(), spent: new Map(), offerUses: new Map(), offerCustomerUses: new Map() };
}

/** The effect of one ledger entry (+1 use and +discount for a redemption, -1 and -discount for its void). */
export type LedgerEffect = { code_id: string; customer_key: string; scopeKeys: string[]; discount_cents: number; sign: 1 | -1; offer_id?: string | null };

const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);

/** Applies a ledger entry to the counters, exactly as the database counters are updated. */
export function applyLedgerEffect(c: Counters, e: LedgerEffect): void {
  bump(c.uses, e.code_id, e.sign);
  bump(c.customerUses, customerUseKey(e.code_id, e.customer_key), e.sign);
  for (const k of e.scopeKeys) bump(c.spent, k, e.sign * e.discount_cents);
  if (e.offer_id) {
    bump(c.offerUses, e.offer_id, e.sign);
    bump(c.offerCustomerUses, customerUseKey(e.offer_id, e.customer_key), e.sign);
  }
}
