import { sql } from "drizzle-orm";
import { type BudgetPeriod, budgetPeriodEnd, budgetPeriodStart } from "@/core/governance";
import type { Database } from "@/db/database";

// What "nothing moved" means for the discount doors: the ledger, the use counters, every spend row and
// every code's status, read as the owner so RLS hides nothing. Tests compare it before and after a refusal.

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

/** The tenant's money and eligibility state, in a stable order (why: toEqual before/after a refused call). */
export async function discountState(db: Database, tenantId: string) {
  return db.withOwner(async (tx) => {
    const ledger = rowsOf(await tx.execute(sql`select redemption_id::text, kind, discount_cents::bigint::text as cents, api_key_id::text
      from discount_redemptions where tenant_id = ${tenantId} order by redemption_id`));
    const codes = rowsOf(await tx.execute(sql`select code_id::text, status, redemption_count from discount_codes where tenant_id = ${tenantId} order by code_id`));
    const spend = rowsOf(await tx.execute(sql`select scope, scope_id, period_start::text, spent_cents::bigint::text as spent
      from budget_spend where tenant_id = ${tenantId} order by scope, scope_id, period_start`));
    const kpis = rowsOf(await tx.execute(sql`select count(*)::int as n from discount_kpi_snapshots where tenant_id = ${tenantId}`))[0].n;
    const audit = rowsOf(await tx.execute(sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId}`))[0].n;
    return { ledger, codes, spend, kpis, audit };
  });
}

/** A ledger entry as the API lists it. */
export type LedgerEntry = { redemption_id: string; kind: string; discount_cents: number; voids_redemption_id: string | null; created_at: string };

/**
 * The ledger sum of the window of `period` containing `now`, from the API's ledger (why: the test's own
 * reading of CONTRACT §6): a redemption counts in the window of its time, a void with its redemption.
 */
export function ledgerWindowSum(ledger: LedgerEntry[], period: BudgetPeriod, now: Date): number {
  const start = budgetPeriodStart(period, now);
  const end = budgetPeriodEnd(period, start);
  const byId = new Map(ledger.map((e) => [e.redemption_id, e]));
  let sum = 0;
  for (const e of ledger) {
    const at = new Date((e.voids_redemption_id ? byId.get(e.voids_redemption_id)! : e).created_at).toISOString().slice(0, 10);
    if (at >= start && (end === null || at < end)) sum += e.discount_cents;
  }
  return sum;
}
