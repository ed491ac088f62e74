import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/db/database";
import { executeNamed } from "./redeem-prefix";
import { holdsCols, type Holds, type HoldsSource, parseHolds, textArray, uuidArray } from "./reservation-holds";

// The live counts a batch decides on — net uses from the ledger and the live checkout holds — in ONE statement,
// run after the facts-and-locks statement (why: its fresh snapshot sees every redemption and hold that held those
// locks before us; one statement instead of two saves a round trip under the hot locks).

export type LiveUses = { customerUses: Map<string, number>; offerUses: Map<string, number>; offerCustomerUses: Map<string, number> };

/** What to count: codes with per-customer limits, offers limited in total and per customer, customers, holds' scope. */
export type CountsQuery = {
  limitedCodes: string[]; offerTotals: string[]; offerPerCustomer: string[]; customers: string[];
  holds: { codeIds: string[]; spendKeys: string[]; offerIds: string[]; reservationIds: string[]; now: Date };
};

const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/** The counts' sources as SQL arrays (why: validate computes them inside its one statement, redeem passes lists). */
export type CountsSource = { limitedCodes: SQL; offerTotals: SQL; offerPerCustomer: SQL; customers: SQL; holds: HoldsSource };

// Net uses of each (key, customer) pair, one probe per pair: `key` is code_id or offer_id. Equality on the
// pair's plain values lets the planner drive (tenant_id, key, customer_id) indexes; an ANY over arrays is costed as
// ten descents per element, so for a tenant the statistics do not know yet (a new, busy one) a scan of the tenant's
// whole ledger looked cheaper. The aggregate keeps each LATERAL probe from being flattened into a join.
const netUses = (tenantId: string, key: "code_id" | "offer_id", keys: SQL, customers: SQL) => sql`(select json_agg(x) from (
      select k.id as ${sql.raw(key)}, u.customer_id, n.n from unnest(${keys}) k(id), unnest(${customers}) u(customer_id),
        lateral (select sum(case when r.kind = 'redemption' then 1 else -1 end)::int as n from discount_redemptions r
          where r.tenant_id = ${tenantId} and r.${sql.raw(key)} = k.id and r.customer_id = u.customer_id) n
      where n.n is not null) x)`;

/** The counts' columns (cu, ot, oc and the holds') over array expressions. */
export function countsCols(tenantId: string, q: CountsSource): SQL {
  return sql`${netUses(tenantId, "code_id", q.limitedCodes, q.customers)} as cu,
    (select json_agg(x) from (select offer_id, coalesce(sum(redemption_count), 0)::int as n from discount_codes
       where tenant_id = ${tenantId} and offer_id = any(${q.offerTotals}) group by offer_id) x) as ot,
    ${netUses(tenantId, "offer_id", q.offerPerCustomer, q.customers)} as oc,
    ${holdsCols(tenantId, q.holds)}`;
}

/** The counts' columns of a result row as use maps and holds. */
export function parseCounts(r: Record<string, unknown>): { uses: LiveUses; holds: Holds } {
  const uses: LiveUses = { customerUses: new Map(), offerUses: new Map(), offerCustomerUses: new Map() };
  type Row = { code_id?: string; offer_id?: string; customer_id?: string; n: number };
  for (const x of parse<Row[] | null>(r.cu) ?? []) uses.customerUses.set(`${x.code_id}|${x.customer_id}`, Number(x.n));
  for (const x of parse<Row[] | null>(r.ot) ?? []) uses.offerUses.set(x.offer_id!, Number(x.n));
  for (const x of parse<Row[] | null>(r.oc) ?? []) uses.offerCustomerUses.set(`${x.offer_id}|${x.customer_id}`, Number(x.n));
  return { uses, holds: parseHolds(r) };
}

/** Net uses per (code, customer), per offer and per (offer, customer), and the live holds, in one round trip. */
export async function loadLiveCounts(tx: Tx, tenantId: string, q: CountsQuery): Promise<{ uses: LiveUses; holds: Holds }> {
  const h = q.holds;
  const cols = countsCols(tenantId, {
    limitedCodes: uuidArray(q.limitedCodes), offerTotals: uuidArray(q.offerTotals), offerPerCustomer: uuidArray(q.offerPerCustomer), customers: textArray(q.customers),
    holds: {
      codeIds: uuidArray(h.codeIds), spendKeys: textArray(h.spendKeys), offerIds: uuidArray(h.offerIds), reservationIds: uuidArray(h.reservationIds),
      lockNamed: h.reservationIds.length > 0, now: h.now,
    },
  });
  // Two texts (named reservations locked or not), each prepared once per connection.
  const res = await executeNamed(tx, h.reservationIds.length ? "redeem_counts_named" : "redeem_counts", sql`select ${cols}`);
  return parseCounts((res as unknown as { rows: Record<string, unknown>[] }).rows[0]);
}
