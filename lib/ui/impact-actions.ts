"use server";

import { toAppError } from "@/core/errors";
import { requireSession } from "./session";
import { getDiscountPolicy } from "@/tools/discounts/policy-tools";
import { previewPolicyImpact } from "@/tools/offers/offer-check-tools";
import { callTool } from "./tools";

// Before a governance change is saved: which live offers it would block (issue 16 "impact before a change").

type Policy = {
  surface: string; min_percent: number; max_percent: number; max_amount_cents: number | null;
  kpi_floors: { kpi: string; floor: number }[]; max_snapshot_age_seconds: number; enabled: boolean;
};

export type Impact = { ok: true; offers: { offer_id: string; title: string | null; health_after: string }[] } | { ok: false; message: string };

/** The live offers a new range or KPI floor on `surface` would block, from the same health rule the reads use. */
export async function previewPolicyChange(
  surface: string,
  change: Partial<Pick<Policy, "min_percent" | "max_percent" | "max_snapshot_age_seconds">> & { floor?: { kpi: string; floor: number } },
): Promise<Impact> {
  const session = await requireSession();
  try {
    const current = await callTool(session, getDiscountPolicy, { surface });
    const { floor, ...rest } = change;
    const floors = floor ? [...current.kpi_floors.filter((f) => f.kpi !== floor.kpi), floor] : current.kpi_floors;
    const next = { ...current, ...rest, kpi_floors: floors };
    const r = await callTool(session, previewPolicyImpact, {
      surface, min_percent: next.min_percent, max_percent: next.max_percent, max_amount_cents: next.max_amount_cents,
      kpi_floors: next.kpi_floors, max_snapshot_age_seconds: next.max_snapshot_age_seconds, enabled: next.enabled,
    });
    return { ok: true, offers: r.offers };
  } catch (err) {
    return { ok: false, message: toAppError(err).message };
  }
}
