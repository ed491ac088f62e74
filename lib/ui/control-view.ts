import { checkKpiFloors, latestSnapshotFor } from "@/core/governance";
import type { z } from "zod";
import type { BudgetOutput, KpiOutput, PolicyOutput } from "@/tools/discounts/policy-schemas";

// Turns tool outputs into what the control room draws. Pass/fail of a KPI floor is the governance
// core's own checkKpiFloors; only display arithmetic (colours, burn rate, projection) lives here.

/** A surface's policy as GET /api/discount-policies answers it (the tool's own output type). */
export type Policy = z.output<typeof PolicyOutput>;
/** The tenant budget as GET /api/budget answers it. */
export type Budget = z.output<typeof BudgetOutput>;
/** One KPI reading as GET /api/kpi-snapshots answers it. */
export type KpiSnapshot = z.output<typeof KpiOutput>;

export type KpiStatus = {
  surface: string; kpi: string; floor: number; freshnessSeconds: number;
  latest: { value: number; observed_at: string; surface: string | null } | null;
  pass: boolean; reason: string | null;
};

/** One row per (surface, KPI floor), judged by the core against the snapshots it would use. */
export function kpiStatuses(policies: Policy[], snapshots: Pick<KpiSnapshot, "kpi" | "value" | "surface" | "observed_at">[], now: Date): KpiStatus[] {
  const facts = snapshots.map((s) => ({ kpi: s.kpi, surface: s.surface ?? "", value: s.value, observed_at: new Date(s.observed_at) }));
  return policies.flatMap((p) =>
    p.kpi_floors.map(({ kpi, floor }) => {
      const reasons = checkKpiFloors({ ...p, kpi_floors: [{ kpi, floor }] }, p.surface, facts, now);
      const snap = latestSnapshotFor(facts, kpi, p.surface);
      return {
        surface: p.surface, kpi, floor, freshnessSeconds: p.max_snapshot_age_seconds,
        latest: snap ? { value: snap.value, observed_at: snap.observed_at.toISOString(), surface: snap.surface || null } : null,
        pass: reasons.length === 0, reason: reasons[0]?.message ?? null,
      };
    }),
  );
}

export type BudgetView = {
  color: "green" | "amber" | "red"; usedPct: number; burnPerDayCents: number; projectedExhaustion: string | null; periodEnd: string | null;
};

/** Next period start (exclusive end) for month/quarter budgets; null for a "total" budget. */
function periodEnd(b: Budget): Date | null {
  if (b.period === "total") return null;
  const start = new Date(`${b.period_start.slice(0, 10)}T00:00:00Z`);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (b.period === "quarter" ? 3 : 1), 1));
}

/** Colour by share spent (amber from 70%, red from 90% or no headroom); burn = spend per elapsed day. */
export function budgetView(b: Budget, now: Date): BudgetView {
  const usedPct = b.cap_cents > 0 ? Math.min(100, (b.spent_cents / b.cap_cents) * 100) : 100;
  const color = b.headroom_cents <= 0 || usedPct >= 90 ? "red" : usedPct >= 70 ? "amber" : "green";
  const start = new Date(`${b.period_start.slice(0, 10)}T00:00:00Z`);
  const days = Math.max(1, (now.getTime() - start.getTime()) / 86400_000);
  const burnPerDayCents = Math.round(b.spent_cents / days);
  const end = periodEnd(b);
  let projectedExhaustion: string | null = null;
  if (burnPerDayCents > 0) {
    const at = new Date(now.getTime() + (b.headroom_cents / burnPerDayCents) * 86400_000);
    if (!end || at < end) projectedExhaustion = at.toISOString().slice(0, 10);
  }
  return { color, usedPct, burnPerDayCents, projectedExhaustion, periodEnd: end ? new Date(end.getTime() - 86400_000).toISOString().slice(0, 10) : null };
}
