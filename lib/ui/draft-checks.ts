import type { OfferDraft } from "@/agent/draft";
import type { Issue, Validation } from "@/agent/state";

// Sorts the agent's validation verdict (computed by the agent with the governance core) into the six
// checks the panel lists. No rule is evaluated here: a check is red exactly when the verdict says so.

export type CheckState = "pass" | "fail" | "pending";
export type Check = { id: string; label: string; state: CheckState; reasons: string[] };

const GROUPS: { id: string; label: string; match: (i: Issue) => boolean; needsTerms: boolean }[] = [
  { id: "policy", label: "Policy range", match: (i) => i.code === "policy_violation", needsTerms: true },
  { id: "kpi", label: "KPI floors", match: (i) => i.code === "kpi_floor" || i.code === "kpi_stale", needsTerms: true },
  { id: "budget", label: "Budget headroom", match: (i) => i.code === "budget_exhausted", needsTerms: true },
  { id: "code", label: "Promo code", match: (i) => i.field === "promoCode", needsTerms: false },
  { id: "dates", label: "Dates", match: (i) => i.kind === "dates", needsTerms: false },
  { id: "brand", label: "Brand rules", match: (i) => i.kind === "brand", needsTerms: false },
];

/** Governance is only asked once the draft says what the discount is. */
function hasTerms(d: OfferDraft | null | undefined): boolean {
  if (!d?.offerType) return false;
  return d.offerType === "free_shipping" || d.offerValue !== null;
}

/** The panel's rows; governance rows that fit no group are shown under "Policy range" so none is lost. */
export function draftChecks(validation: Validation | null | undefined, draft: OfferDraft | null | undefined): Check[] {
  if (!validation) return GROUPS.map((g) => ({ id: g.id, label: g.label, state: "pending", reasons: [] }));
  const known = (i: Issue) => GROUPS.some((g) => g.match(i));
  const checks = GROUPS.map((g) => {
    const issues = validation.issues.filter((i) => g.match(i) || (g.id === "policy" && i.kind === "governance" && !known(i)));
    const state: CheckState = issues.length ? "fail" : g.needsTerms && !hasTerms(draft) ? "pending" : "pass";
    return { id: g.id, label: g.label, state, reasons: issues.map((i) => i.message) };
  });
  const other = validation.issues.filter((i) => !known(i) && i.kind !== "governance");
  if (other.length) checks.push({ id: "other", label: "Other", state: "fail", reasons: other.map((i) => i.message) });
  checks.push({
    id: "complete", label: "Complete", state: validation.questions.length ? "fail" : "pass",
    reasons: validation.questions.map((q) => q.question),
  });
  return checks;
}

export type WarningRow = { key: string; text: string; patch: Partial<OfferDraft> | null };

/**
 * The copilot's non-blocking warnings in the words the chat says them (the fix's sentence when it has one), each
 * with its patch (why: one click applies it). Empty while live checks are shown: they list the same warnings.
 */
export function verdictWarnings(validation: Validation | null | undefined, live: { checks: unknown[] } | null): WarningRow[] {
  if (!validation || live) return [];
  return (validation.warnings ?? []).map((w, i) => ({ key: `${w.code}-${i}`, text: w.fix?.message ?? w.message, patch: w.fix?.patch ?? null }));
}
