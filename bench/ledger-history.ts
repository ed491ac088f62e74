import pg from "pg";

// A ledger with history before anything is measured. Why: a bench on empty tables measures a database no
// tenant has. PostgreSQL plans each named statement once per connection and keeps that generic plan until the
// table's statistics change; planned over a near-empty ledger, "find this idempotency key" can be costed no
// cheaper through the unique (tenant, scope, key) index than through any other index led by tenant_id, and the
// cached plan then walks the tenant's whole ledger for each key until autoanalyze replans it (a minute or more
// in, after every run here has ended). Production ledgers are analysed; so is this one.

/** Rows of history: other tenants' redemptions, enough that statistics tell a probe from a walk. */
export const HISTORY_ROWS = 100_000;
const HISTORY_TENANTS = 2_000;

/** Inserts HISTORY_ROWS ledger rows over HISTORY_TENANTS new tenants, then ANALYZE, as the superuser at `url`. */
export async function seedLedgerHistory(url: string, rows = HISTORY_ROWS): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The tenants, then their redemptions: each tenant's own codes, customers and (unique) idempotency keys.
    await client.query(`insert into tenants (name) select 'history ' || n from generate_series(1, ${HISTORY_TENANTS}) n`);
    await client.query(`insert into discount_redemptions (tenant_id, kind, code_id, promo_code, surface, customer_id,
        order_total_cents, discount_cents, budget_period_start, idempotency_key, created_at)
      select t.tenant_id, 'redemption', md5(t.tenant_id::text || n % 40)::uuid, 'HIST' || n % 40, 'shopify', 'h' || n % 5000,
        10000, 1000, date_trunc('month', now())::date, 'hist-' || n, now() - (n % 90) * interval '1 day'
      from (select tenant_id from tenants where name like 'history %') t,
        generate_series(1, ${Math.ceil(rows / HISTORY_TENANTS)}) n`);
    await client.query("analyze");
  } finally {
    await client.end();
  }
}
