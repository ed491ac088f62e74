import { type SQL, sql } from "drizzle-orm";
import type { BudgetPeriod, KpiSnapshotFact, PolicyFacts } from "@/core/governance";
import type { OfferStatus } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import type { OfferBudgetInfo } from "./facts";
import { type PolicyRow, policyFacts } from "./mappers";

// The lock-free half of redeem: everything a batch is decided on that no lock protects (policies, KPI
// snapshots, offer budgets/controls, closed-loop lists, used idempotency keys), read in ONE statement
// before the first lock, so the hot code row is held for fewer round trips. It mirrors the loaders in
// facts.ts (same filters and tie-breaks). Nothing here is a counter: counts are read under the locks.

/** A code as seen before locking: enough to plan the locks; the locked re-read is what decides. */
export type CodeSketch = { code_id: string; surface: string; offer_id: string | null };

export type RedeemPrefix = {
  codes: Map<string, CodeSketch>;
  policies: Map<string, PolicyFacts>;
  /** Which of the asked `${scope}|${key}` idempotency keys are already in the ledger (rows are re-read typed when any). */
  usedKeys: Set<string>;
  snapshots: KpiSnapshotFact[];
  budget: { cap_cents: number; period: BudgetPeriod } | null;
  offers: Map<string, OfferBudgetInfo>;
  eligibility: { restricted: Set<string>; listed: Set<string> };
  /** The tenant's ISO 4217 currency: what its `_cents` mean, and how refusals write money (null: no tenant row). */
  currency: string | null;
};

type Raw = {
  codes: (CodeSketch & { promo_code: string })[] | null;
  policies: PolicyRow[] | null;
  used: [string, string][] | null;
  snapshots: { kpi: string; surface: string; value: number; observed_at: string }[] | null;
  budget: { cap_cents: number; period: BudgetPeriod } | null;
  offers: { offer_id: string; offer_status: OfferStatus; offer_expiry_date: string | null; deleted: boolean; total_budget_cents: number | null; campaign_id: string | null; budget_cents: number | null; usage_limit: number | null; per_customer_limit: number | null; location_lists: string[][] | null }[] | null;
  lists: { list_id: string; offer_id: string }[] | null;
  hits: { list_id: string; key: string }[] | null;
};

/** The idempotency scope of callers without an API key (in-process tools, seeding): one per tenant. */
export const NIL_SCOPE = "00000000-0000-0000-0000-000000000000";
/** Idempotency keys are scoped to (tenant, API key) (CONTRACT §6); this is the in-tenant part. */
export const idemKey = (scope: string, key: string) => `${scope}|${key}`;

const PREFIX_COLS = new Set(["codes", "policies", "used", "snapshots", "budget", "offers", "lists", "hits"]);
const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

// Which asked keys (`${scope}|${key}`, the scope a 36-character uuid) the ledger holds: one probe per asked key on
// the idempotency index (tenant_id, idem_scope, idempotency_key), so the lookup costs the same on a ledger of ten
// rows or ten million. Under RLS only leakproof comparisons with plain values may drive an index, so the keys are
// split into typed columns first, in a MATERIALIZED CTE (`ik`) the planner cannot inline back into casts; LIMIT 1
// (the index is unique) keeps each probe from being flattened into a hash join over the whole ledger.
const askedKeysCte = (keys: string[]) => sql`ik as materialized (select left(k, 36)::uuid as scope, substr(k, 38) as key
      from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) k)`;
const usedKeysSql = (tenantId: string) => sql`(select json_agg(json_build_array(ik.scope, ik.key)) from ik, lateral (select 1
      from discount_redemptions r where r.tenant_id = ${tenantId} and r.idem_scope = ik.scope and r.idempotency_key = ik.key limit 1) r)`;

/**
 * The prefix's reads as SQL fragments (why: redeem's combined facts-and-locks statement embeds the very same CTEs
 * and columns). CTEs: `c` codes, `p` policies, `o` offer ids, `oi` offer facts, `l` customer lists,
 * `ik` asked idempotency keys.
 */
export function prefixSql(tenantId: string, promoCodes: string[], keys: string[], customerKeys: string[]): { ctes: SQL; cols: SQL } {
  const ctes = sql`c as (
      select code_id, promo_code, surface, offer_id from discount_codes where tenant_id = ${tenantId} and promo_code = any(array(select jsonb_array_elements_text(${JSON.stringify(promoCodes)}::jsonb)))),
    p as (select * from discount_policies where tenant_id = ${tenantId} and surface in (select surface from c)),
    o as (select distinct offer_id from c where offer_id is not null),
    oi as (select distinct on (f.offer_id) f.offer_id, f.offer_status, f.offer_expiry_date, f.deleted_at is not null as deleted, f.total_budget_cents, pc.campaign_id, pc.budget_cents,
           (select min(rc.usage_limit) from redemption_controls rc where rc.tenant_id = f.tenant_id and rc.offer_id = f.offer_id) as usage_limit,
           (select min(rc.per_customer_limit) from redemption_controls rc where rc.tenant_id = f.tenant_id and rc.offer_id = f.offer_id) as per_customer_limit,
           (select json_agg(rc.location_restrictions) from redemption_controls rc where rc.tenant_id = f.tenant_id and rc.offer_id = f.offer_id
              and jsonb_array_length(rc.location_restrictions) > 0) as location_lists
         from offers f
         left join campaign_offers co on co.tenant_id = f.tenant_id and co.offer_id = f.offer_id
         left join program_campaigns pc on pc.tenant_id = co.tenant_id and pc.campaign_id = co.campaign_id
         where f.tenant_id = ${tenantId} and f.offer_id in (select offer_id from o)
         order by f.offer_id, pc.budget_cents is null, pc.campaign_id),
    l as (select list_id, offer_id from customer_lists where tenant_id = ${tenantId} and offer_id in (select offer_id from o)),
    ${askedKeysCte(keys)}`;
  const cols = sql`(select json_agg(c) from c) as codes,
      (select json_agg(p) from p) as policies,
      ${usedKeysSql(tenantId)} as used,
      (select json_agg(s) from (select distinct on (kpi, surface) kpi, surface, value, observed_at from discount_kpi_snapshots
         where tenant_id = ${tenantId} and kpi in (select f->>'kpi' from p, jsonb_array_elements(p.kpi_floors) f)
           and surface in (select surface from c union select '')
         order by kpi, surface, observed_at desc, created_at desc) s) as snapshots,
      (select row_to_json(b) from (select cap_cents, period from budgets where tenant_id = ${tenantId}) b) as budget,
      (select json_agg(oi) from oi) as offers,
      (select json_agg(l) from l) as lists,
      (select json_agg(json_build_object('list_id', e.list_id, 'key', e.customer_key)) from customer_list_entries e
         where e.tenant_id = ${tenantId} and e.list_id in (select list_id from l) and e.customer_key = any(array(select jsonb_array_elements_text(${JSON.stringify(customerKeys)}::jsonb)))) as hits,
      (select currency from tenants where tenant_id = ${tenantId}) as currency`;
  return { ctes, cols };
}

/** Reads the batch's lock-free facts in one round trip (why: each round trip before the lock is one less under it). */
export async function loadRedeemPrefix(tx: Tx, tenantId: string, promoCodes: string[], keys: string[], customerKeys: string[]): Promise<RedeemPrefix> {
  const { ctes, cols } = prefixSql(tenantId, promoCodes, keys, customerKeys);
  const res = await executeNamed(tx, "redeem_prefix", sql`with ${ctes} select ${cols}`);
  return parsePrefix((res as unknown as { rows: Record<string, unknown>[] }).rows[0]);
}

/** The prefix's columns of a result row as typed facts (why: shared by the prefix alone and the combined statement). */
export function parsePrefix(r: Record<string, unknown>): RedeemPrefix {
  const raw = Object.fromEntries(Object.entries(r).filter(([k]) => PREFIX_COLS.has(k)).map(([k, v]) => [k, parse(v)])) as Raw;
  const offers = new Map<string, OfferBudgetInfo>();
  for (const x of raw.offers ?? []) {
    const lists = x.location_lists ?? [];
    const controls = x.usage_limit === null && x.per_customer_limit === null && lists.length === 0 ? null
      : { usage_limit: x.usage_limit, per_customer_limit: x.per_customer_limit, location_lists: lists };
    const gate = { offer_status: x.offer_status, offer_expiry_date: x.offer_expiry_date ? new Date(x.offer_expiry_date) : null, deleted: x.deleted };
    offers.set(x.offer_id, { total_budget_cents: x.total_budget_cents, campaign_id: x.campaign_id, campaign_budget_cents: x.budget_cents ?? null, controls, gate });
  }
  const lists = raw.lists ?? [];
  const offerOf = new Map(lists.map((l) => [l.list_id, l.offer_id]));
  return {
    codes: new Map((raw.codes ?? []).map((c) => [c.promo_code, { code_id: c.code_id, surface: c.surface, offer_id: c.offer_id }])),
    policies: new Map((raw.policies ?? []).map((p) => [p.surface, policyFacts(p)])),
    usedKeys: new Set((raw.used ?? []).map(([scope, key]) => idemKey(scope, key))),
    snapshots: (raw.snapshots ?? []).map((s) => ({ kpi: s.kpi, surface: s.surface, value: Number(s.value), observed_at: new Date(s.observed_at) })),
    budget: raw.budget ? { cap_cents: Number(raw.budget.cap_cents), period: raw.budget.period } : null,
    offers,
    eligibility: { restricted: new Set(lists.map((l) => l.offer_id)), listed: new Set((raw.hits ?? []).map((h) => `${offerOf.get(h.list_id)}|${h.key}`)) },
    // A plain text column, not JSON: read as is.
    currency: typeof r.currency === "string" ? r.currency : null,
  };
}

// Runs a constant-text statement as a named prepared statement (node-postgres parses it once per
// connection); PGlite ignores the name. Why: redeem's few big statements cost more to plan than to run.

type Internals = { session: { prepareQuery: (q: unknown, f: undefined, name: string, arr: boolean) => { execute: () => Promise<unknown> } }; dialect: { sqlToQuery: (s: SQL) => unknown } };

/** Executes `query` (whose text must never vary) under `name` on this transaction's connection. */
export function executeNamed(tx: Tx, name: string, query: SQL): Promise<unknown> {
  const t = tx as unknown as Internals;
  return t.session.prepareQuery(t.dialect.sqlToQuery(query), undefined, name, false).execute();
}
