import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/database";

// The only writer of the counters (discount_codes.redemption_count, budget_spend.spent_cents). It runs
// in the same transaction as the ledger rows it accounts for, on rows that transaction has locked,
// so the counters always equal the ledger.

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Adds net uses per code_id and spent cents per spend key (scope|scope_id|period_start) in one
 * statement (two data-modifying CTEs), saving a round trip on the hot path.
 */
export async function applyCounterDeltas(tx: Tx, tenantId: string, uses: Map<string, number>, spend: Map<string, number>): Promise<void> {
  const u = [...uses.entries()].filter(([, d]) => d !== 0).sort(byKey);
  const s = [...spend.entries()].filter(([, d]) => d !== 0).sort(byKey);
  const parts: SQL[] = [];
  if (u.length) {
    const values = sql.join(u.map(([id, d]) => sql`(${id}::uuid, ${d}::int)`), sql`, `);
    parts.push(sql`u as (update discount_codes c set redemption_count = c.redemption_count + v.d
      from (values ${values}) as v(code_id, d) where c.tenant_id = ${tenantId} and c.code_id = v.code_id returning 1)`);
  }
  if (s.length) {
    const values = sql.join(s.map(([k, d]) => {
      const [scope, scope_id, period_start] = k.split("|");
      return sql`(${scope}, ${scope_id}, ${period_start}::date, ${d}::bigint)`;
    }), sql`, `);
    parts.push(sql`s as (update budget_spend b set spent_cents = b.spent_cents + v.d
      from (values ${values}) as v(scope, scope_id, period_start, d)
      where b.tenant_id = ${tenantId} and b.scope = v.scope and b.scope_id = v.scope_id and b.period_start = v.period_start returning 1)`);
  }
  if (parts.length) await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
