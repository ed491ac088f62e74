import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/database";
import { executeNamed } from "./redeem-prefix";

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

/** A ledger row to insert with the spend keys (scope|scope_id|period_start) it draws on. */
export type PendingRedemption = { row: Record<string, unknown> & { redemption_id: string }; keys: string[] };

const LEDGER_COLS = sql.raw(`tenant_id, redemption_id, kind, code_id, promo_code, surface, offer_id, campaign_id, customer_id, order_id,
  order_total_cents, discount_cents, budget_period_start, idempotency_key, request_hash, issuer_type, provider, api_key_id, created_at`);
const AUDIT_COLS = sql.raw(`tenant_id, at, action, allowed, reasons, issuer_type, provider, api_key_id, subject_type, subject_id, details`);

/**
 * Redeem's whole write in one statement (why: one round trip under the hot locks instead of three):
 * ledger rows ON CONFLICT (idempotency key) DO NOTHING, then counters and audit for exactly the rows
 * inserted — an audit row tagged `pending` is kept only if its redemption was, and a named reservation is marked
 * consumed only if the redemption that spent it was. Returns the inserted ids.
 */
export async function writeRedemptions(
  tx: Tx, tenantId: string, pending: PendingRedemption[], audit: (Record<string, unknown> & { pending: string | null })[],
  reservations: { consume: [reservationId: string, redemptionId: string][]; now: Date } = { consume: [], now: new Date() },
): Promise<Set<string>> {
  const rows = JSON.stringify(pending.map((p) => p.row));
  const keys = JSON.stringify(pending.flatMap((p) => p.keys.map((k) => [p.row.redemption_id, ...k.split("|")])));
  const res = await executeNamed(tx, "redeem_write", sql`with ins as (
      insert into discount_redemptions (${LEDGER_COLS}) select ${LEDGER_COLS} from json_populate_recordset(null::discount_redemptions, ${rows}::json)
      on conflict (tenant_id, idem_scope, idempotency_key) do nothing returning redemption_id, code_id, discount_cents),
    u as (update discount_codes c set redemption_count = c.redemption_count + d.n
      from (select code_id, count(*)::int as n from ins group by code_id) d where c.tenant_id = ${tenantId} and c.code_id = d.code_id returning 1),
    s as (update budget_spend b set spent_cents = b.spent_cents + d.amt
      from (select k->>1 as scope, k->>2 as scope_id, (k->>3)::date as period_start, sum(i.discount_cents)::bigint as amt
            from json_array_elements(${keys}::json) k join ins i on i.redemption_id = (k->>0)::uuid group by 1, 2, 3) d
      where b.tenant_id = ${tenantId} and b.scope = d.scope and b.scope_id = d.scope_id and b.period_start = d.period_start returning 1),
    -- OFFSET 0 keeps x a subquery: flattened, each (x.r).column would re-run json_populate_record (11 per row).
    a as (insert into audit_log (${AUDIT_COLS})
      select (x.r).tenant_id, coalesce((x.r).at, now()), (x.r).action, (x.r).allowed, (x.r).reasons, (x.r).issuer_type, (x.r).provider,
        (x.r).api_key_id, (x.r).subject_type, (x.r).subject_id, (x.r).details
      from (select json_populate_record(null::audit_log, e) as r, e->>'pending' as p from json_array_elements(${JSON.stringify(audit)}::json) e offset 0) x
      where x.p is null or x.p::uuid in (select redemption_id from ins) returning 1),
    m as (update discount_reservations x set status = 'consumed', redemption_id = (v->>1)::uuid, updated_at = ${reservations.now.toISOString()}::timestamptz
      from json_array_elements(${JSON.stringify(reservations.consume)}::json) v
      where x.tenant_id = ${tenantId} and x.reservation_id = (v->>0)::uuid and x.status = 'active' and (v->>1)::uuid in (select redemption_id from ins) returning 1)
    select coalesce(json_agg(redemption_id), '[]'::json) as ids from ins`);
  const r = (res as unknown as { rows: { ids: unknown }[] }).rows[0];
  return new Set((typeof r.ids === "string" ? JSON.parse(r.ids) : r.ids) as string[]);
}
