import { checkKpiFloors, headroomOf } from "@/core/governance";
import { formatMoney } from "@/core/offers/money";
import type { OfferDraft } from "./draft";
import type { TenantFacts } from "./facts";

// goal_setting's recommendations, read off the tenant's own facts: the allowed range on the surface,
// budget headroom and KPI state. The KPI verdicts come from the core's checkKpiFloors.

const PROGRAM_HINT: Record<NonNullable<OfferDraft["programType"]>, string> = {
  closed_loop: "Closed loop: only a known group redeems it — upload their customer list after saving.",
  open_loop: "Open loop: anyone with the code can redeem it — per-customer and total limits matter.",
  hybrid: "Hybrid: members and the public both redeem it — consider a members-only extra.",
};

/** Short sentences a marketer can act on before the offer is even complete. */
export function recommendations(d: OfferDraft, facts: TenantFacts): string[] {
  const out: string[] = [];
  const policies = d.surface ? facts.policies.filter((p) => p.surface === d.surface) : facts.policies;
  if (d.surface && policies.length === 0) out.push(`${d.surface} has no discount policy yet — an admin must set one before codes work there.`);
  const ranges = new Set(policies.filter((p) => p.enabled).map((p) => `${p.min_percent}%–${p.max_percent}%`));
  if (ranges.size === 1 && policies.length > 1) out.push(`Every surface (${policies.map((p) => p.surface).join(", ")}) allows ${[...ranges][0]} off.`);
  else for (const p of policies) out.push(p.enabled ? `${p.surface} allows ${p.min_percent}%–${p.max_percent}% off.` : `Discounts are switched off on ${p.surface}.`);

  if (facts.tenantBudget) {
    const label = facts.tenantBudget.period === "total" ? "the total budget" : `this ${facts.tenantBudget.period}'s budget`;
    // "$249,467.50", never "249,467.5 USD" (issue 16 item 10).
    out.push(`${formatMoney(headroomOf(facts.tenantBudget), facts.currency)} of ${label} is left.`);
  } else out.push("No discount budget is set — an admin must set one before codes can be redeemed.");

  const kpi = new Set<string>();
  for (const p of policies) {
    for (const r of checkKpiFloors(p, p.surface, facts.snapshots, facts.now)) {
      kpi.add(r.code === "kpi_floor" ? `Discounts are paused on ${p.surface}: ${r.message}.` : `${r.message}.`);
    }
  }
  if (kpi.size) out.push(...kpi);
  else if (policies.some((p) => p.kpi_floors.length)) out.push("KPIs are above their floors on fresh readings.");
  if (d.programType) out.push(PROGRAM_HINT[d.programType]);
  return out;
}
