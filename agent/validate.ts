import { checkWindow, type OfferCheck } from "@/core/offers/evaluate";
import { currencyMismatch } from "@/core/offers/money";
import type { Caller } from "@/tools/context";
import { brandIssues, missingFieldQuestions, promoCodeTaken, withoutBannedWords } from "./checks";
import type { AgentDeps } from "./config";
import type { OfferDraft } from "./draft";
import { evaluateDraft } from "./draft-evaluation";
import { loadTenantFacts, type TenantFacts } from "./facts";
import type { Alternative, Issue, Validation, Warning } from "./state";
import { codeTermsProblems } from "./terms";

// The validation node's logic, pure: the draft plus loaded facts in, a verdict out. Governance, budget, dates,
// audience and the code's format are core/offers/evaluate's (the checks panel's and activation's one evaluation);
// this file adds what only a conversation has (missing fields, code uniqueness, brand words) and words it.

const KIND: Partial<Record<OfferCheck["id"], Issue["kind"]>> = { code: "format", dates: "dates" };

/** Which draft field a check's reason is about, so the UI can highlight it and the planner read the answer. */
function fieldOf(c: OfferCheck, code: string): string | null {
  if (c.id === "policy") {
    return c.fix?.patch.minimumSpend !== undefined && c.fix.patch.offerValue === undefined ? "minimumSpend" : "offerValue";
  }
  if (c.id === "budget") return "totalBudget";
  if (c.id === "code") return "promoCode";
  if (c.id === "dates") return code === "start_in_past" ? "startDate" : "endDate";
  if (c.id === "audience") return "usageLimitPerCustomer";
  return null;
}

/** A check's one-click fix as the agent offers it: "<reason> — use 25%?" (the patch is in the draft's fields). */
function fixOf(c: OfferCheck): Alternative | null {
  if (!c.fix) return null;
  const ask = `${c.fix.label[0].toLowerCase()}${c.fix.label.slice(1)}?`;
  return { patch: c.fix.patch as Partial<OfferDraft>, message: `${c.reasons[0].message} — ${ask}` };
}

/** The full verdict: questions for what is missing or unclear, issues for what is refused, warnings, and an alternative. */
export function validateDraft(d: OfferDraft, facts: TenantFacts, today: string): Validation {
  const questions = missingFieldQuestions(d, facts.policies.filter((p) => p.enabled).map((p) => p.surface));
  // Another currency than the tenant's is a question, never a conversion (CONTRACT §6).
  const currencyQuestion = currencyMismatch(d.currency, facts.currency);
  if (currencyQuestion) questions.unshift({ field: "currency", question: currencyQuestion });
  const checks = evaluateDraft(d, facts, today).checks;
  const issues: Issue[] = [...codeTermsProblems(d)];
  const asked: Validation["questions"] = [];
  const warnings: Warning[] = [];
  const fixes: Alternative[] = [];
  for (const c of checks) {
    const fix = fixOf(c);
    if (c.state === "fail") {
      const kind = KIND[c.id] ?? "governance";
      issues.push(...c.reasons.map((r) => ({ kind, code: r.code, message: r.message, field: fieldOf(c, r.code) })));
      if (fix) fixes.push(fix);
    } else if (c.state === "question") {
      // A field the completeness questions already ask about (the budget) is asked once.
      const open = c.reasons.filter((r) => !questions.some((q) => q.field === fieldOf(c, r.code)));
      asked.push(...open.map((r) => ({ field: fieldOf(c, r.code) ?? c.id, question: r.message })));
      if (fix && open.length) fixes.push(fix);
    } else if (c.state === "warn") {
      warnings.push(...c.reasons.map((r) => ({ code: r.code, message: r.message, field: fieldOf(c, r.code), fix })));
    }
  }
  const brand = brandIssues(d, facts.settings);
  issues.push(...promoCodeTaken(d, facts.existingCodes), ...brand);
  if (brand.length) {
    fixes.push({ patch: withoutBannedWords(d, facts.settings), message: "The copy breaks the brand guidelines — use the reworded copy?" });
  }
  const alternative = fixes.length
    ? { patch: Object.assign({}, ...fixes.map((p) => p.patch)), message: fixes.map((p) => p.message).join(" ") }
    : null;
  // What the draft states wrongly (a reversed range) is asked before what it leaves out.
  const all = [...asked, ...questions];
  const allowed = issues.length === 0;
  return { ok: allowed && all.length === 0, allowed, issues, questions: all, warnings, alternative };
}

/** The facts a draft is judged on, loaded through the tools for the budget periods it runs in. */
export function loadDraftFacts(deps: AgentDeps, caller: Caller, d: OfferDraft, today: string): Promise<TenantFacts> {
  return loadTenantFacts(deps, caller, deps.now(), d.promoCode, checkWindow(d, today));
}

/** Loads the caller's facts through the tools and judges the draft (validation, commit and MCP's commit share it). */
export async function judgeDraft(deps: AgentDeps, caller: Caller, d: OfferDraft, today: string): Promise<Validation> {
  return validateDraft(d, await loadDraftFacts(deps, caller, d, today), today);
}
