import type { CoreClient } from "../kit";
import type { AdminApi } from "./admin-api";
import { allShopifyCodes, isLive } from "./push";
import type { ConnectorState } from "./state";

// Reconcile: the core's ledger is the truth; this compares it with what Shopify holds and counts.
// Shopify's usage count is asynchronous (it lags), so a mismatch right after an order can be lag;
// run it again before acting on one. A fully refunded order keeps its use in Shopify while the core
// gave the money back (voided): those uses are expected and `explained`; a breach (Shopify applied,
// the core refused) is not, and stays drift until its order is cancelled.

/** The drift report of CONTRACT §10. */
export type Drift = {
  missing_in_shopify: { code_id: string; promo_code: string }[];
  missing_in_core: { shopify_id: string; code: string }[];
  usage_mismatch: { promo_code: string; core_uses: number; shopify_uses: number; explained: number }[];
};

/** Uses of each code on orders the core voided for a refund while Shopify still counts them. */
export function refundedUses(state: ConnectorState): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of Object.values(state.orders)) {
    if (o.cancelled) continue;
    for (const [code, r] of Object.entries(o.redemptions)) {
      if (r.voided) out.set(code.toUpperCase(), (out.get(code.toUpperCase()) ?? 0) + 1);
    }
  }
  return out;
}

/** What reconcile compares: live core codes, Shopify's discounts and usage, and the connector's order memory. */
export type ReconcileDeps = { core: CoreClient; shopify: AdminApi; state: ConnectorState; now: () => Date };

/** The drift report (see above). */
export async function reconcile(deps: ReconcileDeps): Promise<Drift> {
  const explainedBy = refundedUses(deps.state);
  const [codes, discounts] = await Promise.all([allShopifyCodes(deps.core), deps.shopify.listDiscounts()]);
  const inShopify = new Map(discounts.map((d) => [d.code.toUpperCase(), d]));
  const inCore = new Set(codes.map((c) => c.promo_code.toUpperCase()));
  const drift: Drift = { missing_in_shopify: [], missing_in_core: [], usage_mismatch: [] };
  for (const c of codes) {
    const d = inShopify.get(c.promo_code.toUpperCase());
    if (!d) {
      if (isLive(c, deps.now())) drift.missing_in_shopify.push({ code_id: c.code_id, promo_code: c.promo_code });
      continue;
    }
    const explained = explainedBy.get(c.promo_code.toUpperCase()) ?? 0;
    if (d.usageCount !== c.redemption_count + explained) {
      const entry = { promo_code: c.promo_code, core_uses: c.redemption_count, shopify_uses: d.usageCount, explained };
      drift.usage_mismatch.push(entry);
    }
  }
  for (const d of discounts) {
    if (!inCore.has(d.code.toUpperCase())) drift.missing_in_core.push({ shopify_id: d.id, code: d.code });
  }
  return drift;
}

/** Total number of drifted items, 0 when the two agree. */
export function driftCount(d: Drift): number {
  return d.missing_in_shopify.length + d.missing_in_core.length + d.usage_mismatch.length;
}
