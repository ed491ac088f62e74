import { sql } from "drizzle-orm";
import type { Tx } from "@/db/database";
import { executeNamed } from "./redeem-prefix";
import { holdsCols, type Holds, parseHolds, textArray, uuidArray } from "./reservation-holds";

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

/** Net uses per (code, customer), per offer and per (offer, customer), and the live holds, in one round trip. */
export async function loadLiveCounts(tx: Tx, tenantId: string, q: CountsQuery): Promise<{ uses: LiveUses; holds: Holds }> {
  const net = sql`sum(case when kind = 'redemption' then 1 else -1 end)::int`;
  const customers = textArray(q.customers);
  const h = q.holds;
  const holds = holdsCols(tenantId, {
    codeIds: uuidArray(h.codeIds), spendKeys: textArray(h.spendKeys), offerIds: uuidArray(h.offerIds), reservationIds: uuidArray(h.reservationIds),
    lockNamed: h.reservationIds.length > 0, now: h.now,
  });
  // Two texts (named reservations locked or not), each prepared once per connection.
  const res = await executeNamed(tx, h.reservationIds.length ? "redeem_counts_named" : "redeem_counts", sql`select
    (select json_agg(x) from (select code_id, customer_id, ${net} as n from discount_redemptions
       where tenant_id = ${tenantId} and code_id = any(${uuidArray(q.limitedCodes)}) and customer_id = any(${customers}) group by code_id, customer_id) x) as cu,
    (select json_agg(x) from (select offer_id, coalesce(sum(redemption_count), 0)::int as n from discount_codes
       where tenant_id = ${tenantId} and offer_id = any(${uuidArray(q.offerTotals)}) group by offer_id) x) as ot,
    (select json_agg(x) from (select offer_id, customer_id, ${net} as n from discount_redemptions
       where tenant_id = ${tenantId} and offer_id = any(${uuidArray(q.offerPerCustomer)}) and customer_id = any(${customers}) group by offer_id, customer_id) x) as oc,
    ${holds}`);
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  const uses: LiveUses = { customerUses: new Map(), offerUses: new Map(), offerCustomerUses: new Map() };
  type Row = { code_id?: string; offer_id?: string; customer_id?: string; n: number };
  for (const x of parse<Row[] | null>(r.cu) ?? []) uses.customerUses.set(`${x.code_id}|${x.customer_id}`, Number(x.n));
  for (const x of parse<Row[] | null>(r.ot) ?? []) uses.offerUses.set(x.offer_id!, Number(x.n));
  for (const x of parse<Row[] | null>(r.oc) ?? []) uses.offerCustomerUses.set(`${x.offer_id}|${x.customer_id}`, Number(x.n));
  return { uses, holds: parseHolds(r) };
}
