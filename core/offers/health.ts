import { checkKpiFloors, checkPolicyRange, type CodeTerms, type KpiSnapshotFact, type PolicyFacts } from "@/core/governance";
import type { OfferStatus } from "./lifecycle";

// CONTRACT §9: whether an offer can redeem right now, and if not the first reason why. Pure; the offer
// read loads the facts once per page and asks this for every row (list, detail, control room).

export const OFFER_HEALTHS = [
  "draft", "scheduled", "live", "blocked_by_policy", "paused_by_kpi", "budget_exhausted", "expired", "inactive",
] as const;
export type OfferHealth = (typeof OFFER_HEALTHS)[number];

/** One offer's facts: its effective status and start, its codes' terms, and its own budget. */
export type OfferHealthInput = {
  status: OfferStatus;
  startsAt: Date | null;
  codes: { surface: string; status: string; terms: CodeTerms }[];
  /** The offer's own cap and what it has spent; null when it has no budget of its own. */
  offerBudget: { cap_cents: number; spent_cents: number } | null;
};

/** The tenant-wide facts at one instant. tenantHeadroomCents null: no tenant budget is set (fail closed). */
export type HealthFacts = { policies: PolicyFacts[]; snapshots: KpiSnapshotFact[]; tenantHeadroomCents: number | null; now: Date };

/** The codes that decide: the live ones, else (a paused or draft offer) all of them. */
function decidingCodes(codes: OfferHealthInput["codes"]) {
  const live = codes.filter((c) => c.status === "active");
  return live.length ? live : codes;
}

/** draft, expired, inactive as stored; then scheduled, blocked_by_policy, paused_by_kpi, budget_exhausted, live. */
export function offerHealth(o: OfferHealthInput, f: HealthFacts): OfferHealth {
  if (o.status !== "active") return o.status;
  if (o.startsAt && o.startsAt.getTime() > f.now.getTime()) return "scheduled";
  const codes = decidingCodes(o.codes);
  const policyOf = (s: string) => f.policies.find((p) => p.surface === s) ?? null;
  // Only whether the range objects matters here, never its sentence: "XXX" is ISO 4217's "no currency".
  if (codes.some((c) => checkPolicyRange(policyOf(c.surface), c.surface, c.terms, "XXX").length > 0)) return "blocked_by_policy";
  if (codes.some((c) => checkKpiFloors(policyOf(c.surface), c.surface, f.snapshots, f.now).length > 0)) return "paused_by_kpi";
  if (f.tenantHeadroomCents !== null && f.tenantHeadroomCents <= 0) return "budget_exhausted";
  if (f.tenantHeadroomCents === null && codes.length > 0) return "budget_exhausted";
  if (o.offerBudget && o.offerBudget.spent_cents >= o.offerBudget.cap_cents) return "budget_exhausted";
  return "live";
}

/** Live offers a changed policy would block (the impact list shown before saving a policy or KPI floor). */
export function blockedByChange(offers: (OfferHealthInput & { offer_id: string })[], f: HealthFacts, changed: PolicyFacts): string[] {
  const after = { ...f, policies: [...f.policies.filter((p) => p.surface !== changed.surface), changed] };
  return offers.filter((o) => {
    if (!o.codes.some((c) => c.surface === changed.surface)) return false;
    const now = offerHealth(o, f);
    const next = offerHealth(o, after);
    return now !== next && (next === "blocked_by_policy" || next === "paused_by_kpi");
  }).map((o) => o.offer_id);
}
