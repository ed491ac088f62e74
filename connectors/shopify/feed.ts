import type { CoreClient } from "../kit";
import type { ConnectorState } from "./state";

// Feed: the KPIs the floors are judged on, computed from the orders this connector saw, pushed as
// snapshots for the `shopify` surface. profit needs known costs (a cost-of-goods rate); mer needs the
// marketing spend. A KPI whose inputs are unknown is not pushed: a stale floor then refuses (kpi_stale)
// rather than trusting an invented number.

/** The inputs the operator configures. */
export type FeedConfig = { costRate: number | null; marketingSpendCents: number | null };

/** Totals over live orders (created, not cancelled), refunds taken off. */
export function orderTotals(state: ConnectorState): { revenue_cents: number; discount_cents: number; orders: number } {
  let revenue = 0;
  let discounts = 0;
  let orders = 0;
  for (const o of Object.values(state.orders)) {
    if (!o.created || o.cancelled) continue;
    orders += 1;
    revenue += Math.max(0, o.subtotal_cents - o.refunded_cents);
    discounts += o.discount_cents;
  }
  return { revenue_cents: revenue, discount_cents: discounts, orders };
}

/**
 * The snapshots to push: profit (cents) = revenue − cost of goods − discounts − marketing spend, and
 * mer = revenue ÷ marketing spend. Pure, so the arithmetic is tested without a core.
 */
export function kpiSnapshots(state: ConnectorState, cfg: FeedConfig): { kpi: "profit" | "mer"; value: number }[] {
  const t = orderTotals(state);
  const spend = cfg.marketingSpendCents;
  const out: { kpi: "profit" | "mer"; value: number }[] = [];
  if (cfg.costRate !== null) {
    const cost = Math.round(t.revenue_cents * cfg.costRate);
    out.push({ kpi: "profit", value: t.revenue_cents - cost - t.discount_cents - (spend ?? 0) });
  }
  if (spend) out.push({ kpi: "mer", value: Math.round((t.revenue_cents / spend) * 1000) / 1000 });
  return out;
}

/** Pushes the current snapshots to the core; resolves with what was pushed. */
export async function pushKpis(core: CoreClient, state: ConnectorState, cfg: FeedConfig, now: Date) {
  const snaps = kpiSnapshots(state, cfg);
  for (const s of snaps) await core.pushKpi({ kpi: s.kpi, value: s.value, surface: "shopify", observed_at: now.toISOString() });
  return snaps;
}
