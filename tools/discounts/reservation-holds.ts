import { type SQL, sql } from "drizzle-orm";
import { type Counters, customerUseKey } from "@/core/governance";
import type { Tx } from "@/db/database";
import { executeNamed } from "./redeem-prefix";

// Live checkout holds (CONTRACT §8) as counter deltas. A hold is live while active and unexpired; it
// counts as one use of its code (per customer too), one use of its offer, and its cents in every spend
// scope it draws on. Holds are written only by transactions holding redeem's locks (code FOR UPDATE,
// spend rows FOR UPDATE), and read here in a statement that runs AFTER those locks are held, so the
// counts are as exact as the ledger's. Expiry needs no sweeper: an expired hold simply stops matching.

/** A reservation as redeem needs it to consume one. */
export type Reservation = {
  reservation_id: string;
  code_id: string;
  surface: string;
  offer_id: string | null;
  customer_id: string;
  discount_cents: number;
  spend_keys: string[];
  status: "active" | "consumed" | "released";
  expires_at: Date;
};

/** Aggregated live holds, keyed like Counters (the same maps), plus the reservations a batch names. */
export type Holds = Counters & { named: Map<string, Reservation> };

const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/** What the holds are read for: codes, spend keys and offers (SQL arrays), named reservations to lock, and the clock. */
export type HoldsSource = { codeIds: SQL; spendKeys: SQL; offerIds: SQL; reservationIds: SQL; lockNamed: boolean; now: Date };

/**
 * The holds' columns (codes, spend, offers, named) as SQL over array expressions (why: redeem reads them in the same
 * statement as its live use counts; budget reads them alone). Named reservations are locked only when asked.
 */
export function holdsCols(tenantId: string, q: HoldsSource): SQL {
  const live = sql`tenant_id = ${tenantId} and status = 'active' and expires_at > ${q.now.toISOString()}::timestamptz`;
  return sql`(select json_agg(x) from (select code_id, customer_id, count(*)::int as n from discount_reservations
       where ${live} and code_id = any(${q.codeIds}) group by code_id, customer_id) x) as h_codes,
    (select json_agg(x) from (select k as key, sum(discount_cents)::bigint as cents
       from discount_reservations, jsonb_array_elements_text(spend_keys) k
       where ${live} and spend_keys ?| ${q.spendKeys} and k = any(${q.spendKeys}) group by k) x) as h_spend,
    (select json_agg(x) from (select offer_id, customer_id, count(*)::int as n from discount_reservations
       where ${live} and offer_id = any(${q.offerIds}) group by offer_id, customer_id) x) as h_offers,
    (select json_agg(r) from (
       select reservation_id, code_id, surface, offer_id, customer_id, discount_cents, spend_keys, status, expires_at
       from discount_reservations where tenant_id = ${tenantId} and reservation_id = any(${q.reservationIds}) ${sql.raw(q.lockNamed ? "for update" : "")}) r) as h_named`;
}

/** A JSON list of strings as a SQL text[] (why: one parameter, whatever the list's length). */
export const textArray = (xs: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify([...new Set(xs)])}::jsonb))`;
/** A JSON list of uuids as a SQL uuid[]. */
export const uuidArray = (xs: string[]) => sql`array(select (jsonb_array_elements_text(${JSON.stringify([...new Set(xs)])}::jsonb))::uuid)`;

/** Reads live holds touching these codes, spend keys and offers, and the named reservations, in one statement. */
export async function loadHolds(
  tx: Tx, tenantId: string,
  q: { codeIds: string[]; spendKeys: string[]; offerIds: string[]; reservationIds: string[]; now: Date },
): Promise<Holds> {
  const src = {
    codeIds: uuidArray(q.codeIds), spendKeys: textArray(q.spendKeys), offerIds: uuidArray(q.offerIds), reservationIds: uuidArray(q.reservationIds),
    lockNamed: q.reservationIds.length > 0, now: q.now,
  };
  // Constant text per variant, so PostgreSQL plans it once per connection (it runs under redeem's locks).
  const res = await executeNamed(tx, q.reservationIds.length ? "redeem_holds_named" : "redeem_holds", sql`select ${holdsCols(tenantId, src)}`);
  return parseHolds((res as unknown as { rows: Record<string, unknown>[] }).rows[0]);
}

/** The holds' columns of a result row as counter deltas and reservations. */
export function parseHolds(r: Record<string, unknown>): Holds {
  const h: Holds = {
    uses: new Map(), customerUses: new Map(), spent: new Map(), offerUses: new Map(), offerCustomerUses: new Map(), named: new Map(),
  };
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const x of parse<{ code_id: string; customer_id: string; n: number }[] | null>(r.h_codes) ?? []) {
    add(h.uses, x.code_id, Number(x.n));
    add(h.customerUses, customerUseKey(x.code_id, x.customer_id), Number(x.n));
  }
  for (const x of parse<{ key: string; cents: number }[] | null>(r.h_spend) ?? []) add(h.spent, x.key, Number(x.cents));
  for (const x of parse<{ offer_id: string; customer_id: string; n: number }[] | null>(r.h_offers) ?? []) {
    add(h.offerUses, x.offer_id, Number(x.n));
    add(h.offerCustomerUses, customerUseKey(x.offer_id, x.customer_id), Number(x.n));
  }
  for (const x of parse<Record<string, unknown>[] | null>(r.h_named) ?? []) {
    h.named.set(String(x.reservation_id), {
      ...(x as Reservation), discount_cents: Number(x.discount_cents), spend_keys: parse<string[]>(x.spend_keys),
      expires_at: new Date(String(x.expires_at)),
    });
  }
  return h;
}

/** Adds the live holds to the counters a batch decides on (why: a held use or cent is not available). */
export function applyHolds(c: Counters, h: Holds): void {
  const merge = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
  };
  merge(c.uses, h.uses);
  merge(c.customerUses, h.customerUses);
  merge(c.spent, h.spent);
  merge(c.offerUses, h.offerUses);
  merge(c.offerCustomerUses, h.offerCustomerUses);
}

/** Takes one reservation's hold off (sign -1) or back on (+1): a redeem that consumes it spends it for real. */
export function shiftHold(c: Counters, r: Reservation, sign: 1 | -1): void {
  const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  bump(c.uses, r.code_id, sign);
  bump(c.customerUses, customerUseKey(r.code_id, r.customer_id), sign);
  for (const k of r.spend_keys) bump(c.spent, k, sign * r.discount_cents);
  if (r.offer_id) {
    bump(c.offerUses, r.offer_id, sign);
    bump(c.offerCustomerUses, customerUseKey(r.offer_id, r.customer_id), sign);
  }
}

/** Whether a redeem may consume this reservation: live, same customer, code and surface. */
export function consumable(
  r: Reservation | undefined, a: { code_id: string; customerKey: string; surface: string; now: Date },
): r is Reservation {
  if (!r || r.status !== "active" || r.expires_at <= a.now) return false;
  return r.code_id === a.code_id && r.customer_id === a.customerKey && r.surface === a.surface;
}
