import type { BudgetScopeFact, KpiSnapshotFact, PolicyFacts } from "@/core/governance";
import type { CheckFacts } from "@/core/offers/evaluate";
import type { Caller } from "@/tools/context";
import { getCopilotFacts, type TenantSettings } from "@/tools/copilot";
import type { AgentDeps } from "./config";

// The facts the copilot advises and validates on, read through the get_copilot_facts tool: the same
// governance loaders the proposal check, validate and redeem use. No SQL here.

/** Everything the copilot's advice and validation need about one tenant, at one instant. */
export type TenantFacts = {
  tenantId: string;
  currency: string;
  settings: TenantSettings;
  policies: PolicyFacts[];
  snapshots: KpiSnapshotFact[];
  tenantBudget: BudgetScopeFact | null;
  /** The tenant budget with spend per period start over the draft's window (core checkWindow): evaluateOffer's. */
  budget: CheckFacts["budget"];
  /** Promo codes of the tenant matching the draft's code (upper-cased), for the uniqueness check. */
  existingCodes: string[];
  now: Date;
};

/**
 * Loads the caller's tenant facts through the tool (why: permission, RLS and loaders are the tools'); `window` is
 * the days a draft runs in, whose budget periods it is checked against (null: today's).
 */
export async function loadTenantFacts(
  deps: AgentDeps, caller: Caller, now: Date, promoCode: string | null, window: { from: string; to: string } | null = null,
): Promise<TenantFacts> {
  const f = await deps.tools(getCopilotFacts, { promo_code: promoCode, window }, caller);
  return {
    tenantId: caller.tenantId!, currency: f.currency, settings: f.settings, policies: f.policies, snapshots: f.snapshots,
    tenantBudget: f.tenant_budget, budget: f.budget_by_period, existingCodes: f.existing_codes, now,
  };
}
