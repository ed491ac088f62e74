import { evaluateProposal, type GovernanceReason, type ProposalSuggestion } from "@/core/governance";
import { currencyMismatch, formatMoney, fromMinorUnits } from "@/core/offers/money";
import { proposalFacts } from "@/tools/discounts/governance-facts";
import { brandIssues, dateIssues, missingFieldQuestions, promoCodeIssues, withoutBannedWords } from "./checks";
import type { OfferDraft } from "./draft";
import type { Caller } from "@/tools/context";
import type { AgentDeps } from "./config";
import { loadTenantFacts, type TenantFacts } from "./facts";
import type { Alternative, Issue, Validation } from "./state";
import { codeTermsOf, codeTermsProblems, formatOfferValue, offerValueFor, toCents } from "./terms";

// The validation node's logic, pure: the draft plus loaded facts in, a verdict out. Governance is the
// core's evaluateProposal; this file only picks its inputs and turns its answer into sentences.

type GovernanceOutcome = { surface: string; reasons: GovernanceReason[]; suggestion: ProposalSuggestion | null };

/**
 * Asks the core about the draft on its surface, or, before a surface is chosen, on each of the
 * tenant's surfaces: allowed when one of them would take it, else the first surface's reasons.
 */
export function governanceOutcome(d: OfferDraft, facts: TenantFacts): GovernanceOutcome | null {
  const terms = codeTermsOf(d, facts.currency);
  if (!terms) return null;
  const surfaces = d.surface ? [d.surface] : facts.policies.map((p) => p.surface);
  if (surfaces.length === 0) surfaces.push("shopify");
  const total = d.totalBudget === null ? null : toCents(d.totalBudget, facts.currency);
  const outcomes = surfaces.map((surface) => ({
    surface,
    // The same facts → proposal mapping check_discount_proposal uses (tools/discounts/governance-facts.ts).
    ...evaluateProposal({ surface, ...terms, total_budget_cents: total }, proposalFacts(facts, surface)),
  }));
  return outcomes.find((o) => o.allowed) ?? outcomes[0];
}

/** The nearest compliant draft the core suggested, phrased as a question ("use 25%?"). */
function governanceAlternative(d: OfferDraft, g: GovernanceOutcome, currency: string): Alternative | null {
  const s = g.suggestion;
  const terms = codeTermsOf(d, currency);
  if (!s || !terms) return null;
  const patch: Partial<OfferDraft> = {};
  const asks: string[] = [];
  if (s.suggested_value !== undefined) {
    patch.offerValue = offerValueFor(d, s.suggested_value, terms.discount_type, currency);
    asks.push(`use ${formatOfferValue(d, patch.offerValue)}${d.offerType === "bogo" ? " off the second item" : ""}`);
  }
  if (s.suggested_total_budget_cents !== undefined) {
    patch.totalBudget = fromMinorUnits(s.suggested_total_budget_cents, currency);
    asks.push(`set the total budget to ${formatMoney(s.suggested_total_budget_cents, currency)}`);
  }
  return { patch, message: `${g.reasons[0].message} — ${asks.join(" and ")}?` };
}

/** The full verdict: questions for what is missing, issues for what is refused, and an alternative. */
export function validateDraft(d: OfferDraft, facts: TenantFacts, today: string): Validation {
  const questions = missingFieldQuestions(d, facts.policies.filter((p) => p.enabled).map((p) => p.surface));
  // Another currency than the tenant's is a question, never a conversion (CONTRACT §6).
  const currencyQuestion = currencyMismatch(d.currency, facts.currency);
  if (currencyQuestion) questions.unshift({ field: "currency", question: currencyQuestion });
  const g = governanceOutcome(d, facts);
  const governance: Issue[] = (g?.reasons ?? []).map((r) => ({ kind: "governance", code: r.code, message: r.message, field: fieldOf(r.code) }));
  const dates = dateIssues(d, today);
  const brand = brandIssues(d, facts.settings);
  const issues = [...codeTermsProblems(d), ...governance, ...promoCodeIssues(d, facts.existingCodes), ...dates, ...brand];

  const parts: Alternative[] = [];
  const gov = g && g.reasons.length ? governanceAlternative(d, g, facts.currency) : null;
  if (gov) parts.push(gov);
  const pastStart = dates.find((i) => i.code === "start_in_past");
  if (pastStart) parts.push({ patch: { startDate: today }, message: `The start date is in the past — start today (${today})?` });
  if (brand.length) parts.push({ patch: withoutBannedWords(d, facts.settings), message: "The copy breaks the brand guidelines — use the reworded copy?" });
  const alternative = parts.length
    ? { patch: Object.assign({}, ...parts.map((p) => p.patch)), message: parts.map((p) => p.message).join(" ") }
    : null;

  return { ok: issues.length === 0 && questions.length === 0, allowed: issues.length === 0, issues, questions, alternative };
}

/** Loads the caller's facts through the tools and judges the draft (validation, commit and MCP's commit share it). */
export async function judgeDraft(deps: AgentDeps, caller: Caller, d: OfferDraft, today: string): Promise<Validation> {
  return validateDraft(d, await loadTenantFacts(deps, caller, deps.now(), d.promoCode), today);
}

/** Which draft field a governance code is about, so the UI can highlight it. */
function fieldOf(code: string): string | null {
  if (code === "policy_violation") return "offerValue";
  if (code === "budget_exhausted") return "totalBudget";
  return null;
}
