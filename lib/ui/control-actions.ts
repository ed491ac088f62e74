"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "./session";
import { getDiscountPolicy, setDiscountPolicy } from "@/tools/discounts/policy-tools";
import type { Policy } from "./control-view";
import { plainError } from "./plain-errors";
import { callTool } from "./tools";

// Control-room writes: read the surface's policy, change one thing, PUT it back through the policy
// tool, which validates and audits it. Nothing is decided here.

export type SaveResult = { ok: boolean; message: string };
const PAGE = "/god/config/pricing/discounts";

async function updatePolicy(surface: string, change: (p: Policy) => Partial<Policy>): Promise<SaveResult> {
  const session = await requireSession();
  try {
    const current = await callTool(session, getDiscountPolicy, { surface });
    const next = { ...current, ...change(current) };
    const saved = await callTool(session, setDiscountPolicy, {
      surface, min_percent: next.min_percent, max_percent: next.max_percent, max_amount_cents: next.max_amount_cents,
      kpi_floors: next.kpi_floors, max_snapshot_age_seconds: next.max_snapshot_age_seconds, enabled: next.enabled,
    });
    revalidatePath(PAGE);
    return { ok: true, message: `Saved: ${surface} allows ${saved.min_percent}–${saved.max_percent}% off.` };
  } catch (err) {
    // Plain words ("Maximum % must be 100 or less"), never "Invalid input for set_discount_policy" (issue 16 item 10).
    return { ok: false, message: plainError(err).error };
  }
}

/** Policy Editor: the min/max percent range of one surface. */
export async function savePolicyRange(surface: string, min_percent: number, max_percent: number): Promise<SaveResult> {
  return updatePolicy(surface, () => ({ min_percent, max_percent }));
}

/** KPI Governor: one KPI's floor and the surface's snapshot freshness window (hours in the form). */
export async function saveKpiFloor(surface: string, kpi: string, floor: number, freshnessHours: number): Promise<SaveResult> {
  const r = await updatePolicy(surface, (p) => ({
    kpi_floors: p.kpi_floors.some((f) => f.kpi === kpi) ? p.kpi_floors.map((f) => (f.kpi === kpi ? { kpi, floor } : f)) : [...p.kpi_floors, { kpi, floor }],
    max_snapshot_age_seconds: Math.round(freshnessHours * 3600),
  }));
  return r.ok ? { ok: true, message: `Saved: ${surface} needs ${kpi} ≥ ${floor}, readings up to ${freshnessHours} h old.` } : r;
}
