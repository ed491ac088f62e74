import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/database";
import { budgetViewInTx } from "../discounts/budget-tools";
import { BudgetPeriod } from "../discounts/policy-schemas";
import { ListQuery } from "../discounts/schemas";
import { defineTool, type Tool } from "../registry";
import { Uuid } from "../tenancy/schemas";
import { defineRoutes, type RouteDef } from "../transports/route";
import { listGovernanceDecisions } from "./governance-decisions";

// The platform operator's Headroom Monitor: every tenant's budget, cap / spent / headroom for the current
// period, computed by the same budgetViewInTx that answers GET /api/budget, so the numbers cannot drift.

const Input = z.object(ListQuery).strict();

const TenantBudget = z.object({
  tenant_id: Uuid,
  name: z.string(),
  currency: z.string(),
  /** null (with the other budget fields) when the tenant has no budget yet: redemptions fail closed. */
  cap_cents: z.number().int().nullable(),
  period: BudgetPeriod.nullable(),
  period_start: z.string().nullable(),
  spent_cents: z.number().int().nullable(),
  headroom_cents: z.number().int().nullable(),
});
export type TenantBudget = z.output<typeof TenantBudget>;

const Output = z.object({
  tenant_budgets: z.array(TenantBudget),
  total_count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TenantBudgetList = z.output<typeof Output>;

const NO_BUDGET = { cap_cents: null, period: null, period_start: null, spent_cents: null, headroom_cents: null };

export const listTenantBudgets = defineTool({
  name: "list_tenant_budgets",
  description: "Platform only: every tenant's discount budget for its current period (cap, spent, headroom), by tenant name, paginated.",
  input: Input,
  output: Output,
  permission: "tenants.read",
  execute: (input, ctx) =>
    // The platform belongs to no tenant: the tenant list comes from the narrow app_tenant_page (rls.sql), then
    // each budget is read inside that tenant's own RLS scope.
    ctx.db.withSystem(async (tx) => {
      const now = ctx.now();
      type Row = { tenant_id: string; name: string; currency: string; total_count: number };
      const res = await tx.execute(sql`select * from app_tenant_page(${input.limit}, ${input.offset})`);
      const page = (res as unknown as { rows: Row[] }).rows;
      const tenant_budgets = [];
      for (const t of page) {
        await tx.execute(sql`select set_config('app.tenant_id', ${t.tenant_id}, true)`);
        const view = (await budgetViewInTx(tx, t.tenant_id, now)) ?? NO_BUDGET;
        tenant_budgets.push({ tenant_id: t.tenant_id, name: t.name, currency: t.currency, ...view });
      }
      const total = page.length ? Number(page[0].total_count) : await tenantCount(tx);
      return { tenant_budgets, total_count: total, limit: input.limit, offset: input.offset };
    }),
});

/** The tenant count when the requested page is past the end (the page then has no row to carry it). */
async function tenantCount(tx: Tx): Promise<number> {
  const res = await tx.execute(sql`select total_count from app_tenant_page(1, 0)`);
  const [row] = (res as unknown as { rows: { total_count: number }[] }).rows;
  return row ? Number(row.total_count) : 0;
}

/** The UI's own read tools, registered once in tools/index.ts; the agent and MCP list them under the same permissions. */
export const uiTools: Tool[] = [listGovernanceDecisions, listTenantBudgets] as Tool[];

/** The platform's budget overview is also a REST list (CONTRACT §0 pagination). */
export const uiRoutes: RouteDef[] = defineRoutes([
  { method: "GET", path: "/api/tenants/budgets", tool: listTenantBudgets, tags: ["tenancy"], summary: "Every tenant's budget headroom (platform only)" },
]);
