import { eq } from "drizzle-orm";
import { notFound } from "@/core/errors";
import type { Tx } from "@/db/database";
import { budgets } from "@/db/schema";
import { changeDetails, writeAudit } from "../audit";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { keyOf, loadSpend, loadTenantBudget } from "./facts";
import { budgetOut } from "./mappers";
import { BudgetOutput, GetBudgetInput, SetBudgetInput } from "./policy-schemas";
import { resetTenantSpend, tenantSpendKey } from "./spend-window";
import { loadHolds } from "./reservation-holds";

// Tenants own the money: one cap per tenant, spent per calendar period (UTC), voids give it back.

/** The tenant budget with this period's spend and headroom, or null when none is set; for tools that plan spend. */
export async function budgetViewInTx(tx: Tx, tenantId: string, now: Date) {
  const budget = await loadTenantBudget(tx, tenantId);
  if (!budget) return null;
  const key = tenantSpendKey(budget.period, now);
  const spent = (await loadSpend(tx, tenantId, [key], { lock: false })).get(keyOf(key)) ?? 0;
  const view = budgetOut(budget.cap_cents, budget.period, spent, now);
  // Live checkout holds (CONTRACT §8) are promised money: headroom counts them, spent does not.
  const held = (await loadHolds(tx, tenantId, { codeIds: [], spendKeys: [keyOf(key)], offerIds: [], reservationIds: [], now })).spent.get(keyOf(key)) ?? 0;
  return { ...view, headroom_cents: Math.max(0, view.headroom_cents - held) };
}

export const setBudget = defineTool({
  name: "set_budget",
  description: "Set the tenant's discount budget: a cap in cents per month, quarter or in total.",
  input: SetBudgetInput,
  output: BudgetOutput,
  permission: "budget.write",
  async execute(input, ctx) {
    const now = ctx.now();
    return tenantTx(ctx, async (tx, tenant_id) => {
      // Updating the budget row waits for in-flight redemptions (they hold it FOR SHARE), so a lowered
      // cap applies to every redemption that commits after this one.
      const [before] = await tx.select({ cap_cents: budgets.cap_cents, period: budgets.period }).from(budgets).where(eq(budgets.tenant_id, tenant_id));
      await tx.insert(budgets).values({ tenant_id, cap_cents: input.cap_cents, period: input.period, updated_at: now })
        .onConflictDoUpdate({ target: budgets.tenant_id, set: { cap_cents: input.cap_cents, period: input.period, updated_at: now } });
      // Under that row lock: the (possibly new) window's spend is the ledger's, never a fresh zero.
      await resetTenantSpend(tx, tenant_id, input.period, now);
      await writeAudit(tx, tenant_id, { caller: ctx.caller, action: "set_budget", allowed: true, subject_type: "budget", subject_id: tenant_id, at: now,
        details: changeDetails(before ? { cap_cents: Number(before.cap_cents), period: before.period } : null, { ...input }, { ...input }) });
      return (await budgetViewInTx(tx, tenant_id, now))!;
    });
  },
});

export const getBudgetHeadroom = defineTool({
  name: "get_budget_headroom",
  description: "The tenant budget: cap, spent in the current period, headroom left, period and its start date.",
  input: GetBudgetInput,
  output: BudgetOutput,
  permission: "budget.read",
  async execute(_input, ctx) {
    return tenantTx(ctx, async (tx, tenantId) => {
      const view = await budgetViewInTx(tx, tenantId, ctx.now());
      if (!view) throw notFound("Budget");
      return view;
    });
  },
});

export const budgetTools = [setBudget, getBudgetHeadroom];
