import { sql } from "drizzle-orm";
import { type BudgetPeriod, budgetPeriodEnd, budgetPeriodStart } from "@/core/governance";
import type { Tx } from "@/db/database";
import type { SpendKey } from "./facts";

// The tenant budget's spend row of a window is the ledger sum of that window (CONTRACT §6). A redemption
// belongs to the window that contains its own time; a void belongs with the redemption it voids.

/** The tenant spend row that counts a redemption made at `at` under `period`. */
export function tenantSpendKey(period: BudgetPeriod, at: Date): SpendKey {
  return { scope: "tenant", scope_id: period, period_start: budgetPeriodStart(period, at) };
}

/**
 * Sets the current window's spend row to the ledger sum of that window (why: after a period change the
 * new window — a quarter, or all time — already holds earlier redemptions). The caller holds the
 * budget row exclusively, so no redemption or void of this tenant's budget is in flight.
 */
export async function resetTenantSpend(tx: Tx, tenantId: string, period: BudgetPeriod, now: Date): Promise<number> {
  const start = budgetPeriodStart(period, now);
  const end = budgetPeriodEnd(period, start);
  const at = sql`coalesce(o.created_at, l.created_at)`;
  const res = await tx.execute(sql`insert into budget_spend (tenant_id, scope, scope_id, period_start, spent_cents)
    select ${tenantId}, 'tenant', ${period}, ${start}::date, coalesce(sum(l.discount_cents), 0)
    from discount_redemptions l
    left join discount_redemptions o on o.tenant_id = l.tenant_id and o.redemption_id = l.voids_redemption_id
    where l.tenant_id = ${tenantId} and ${at} >= (${start}::date)::timestamp at time zone 'UTC'
      and (${end}::date is null or ${at} < (${end}::date)::timestamp at time zone 'UTC')
    on conflict (tenant_id, scope, scope_id, period_start) do update set spent_cents = excluded.spent_cents
    returning spent_cents`);
  return Number((res as unknown as { rows: { spent_cents: unknown }[] }).rows[0].spent_cents);
}
