import { sql } from "drizzle-orm";
import { type BudgetPeriod, budgetPeriodStart, TOTAL_PERIOD_START } from "@/core/governance";
import type { Tx } from "@/db/database";
import { executeNamed, parsePrefix, prefixSql, type RedeemPrefix } from "./redeem-prefix";
import { keyOf, type OfferBudgetInfo, type OfferGateFacts, type SpendKey } from "./facts";
import type { CodeRow } from "./mappers";
import { countsCols, type LiveUses, parseCounts } from "./redeem-counts";
import { type Holds, textArray } from "./reservation-holds";

// Redeem's facts and locks in ONE statement: the lock-free prefix (redeem-prefix.ts, the same fragments) and then
// every lock in the global order — offers and campaigns FOR SHARE (their caps) → codes FOR UPDATE by code_id →
// budget FOR SHARE → spend rows FOR UPDATE — each step gated on the one before, so PostgreSQL cannot run them out
// of order, and planned from the prefix's CTEs inside the statement (no round trip between reading and locking).
// Locked reads return the newest row versions; anything counted from unlocked rows (ledger sums, holds) is read
// in a LATER statement (redeem-counts.ts), whose snapshot starts after the locks are held.

export type Locked = {
  codes: CodeRow[];
  budget: { cap_cents: number; period: BudgetPeriod } | null;
  /** Spend per key, or null when the locked codes differ from the prefix's (the caller then re-plans under the locks). */
  spend: Map<string, number> | null;
  /** Offer caps and status read under FOR SHARE (a cap or status change waits for us; we see a committed one). */
  offerCaps: Map<string, { cap: number | null; gate: OfferGateFacts }>;
  /** Campaign caps read under FOR SHARE, likewise. */
  campaignCaps: Map<string, number | null>;
};

/** The combined statement's answer; `counts` (live uses and holds) only without locks, read in the same snapshot. */
export type LoadedFacts = { pre: RedeemPrefix; locked: Locked; counts?: { uses: LiveUses; holds: Holds } };

/** What the combined statement is asked: the batch's codes, scoped idempotency keys (idemKey), customers and clocks. */
export type FactsQuery = { promoCodes: string[]; keys: string[]; customerKeys: string[]; nows: Date[] };

const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const capOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const sketchesOf = (t: string) =>
  `(select coalesce(string_agg(code_id::text || ':' || coalesce(offer_id::text, '') || ':' || surface, ',' order by code_id), '') from ${t})`;

type LockedOffer = { offer_id: string; total_budget_cents: unknown; offer_status: OfferGateFacts["offer_status"]; offer_expiry_date: string | null; deleted: unknown };
/** The offer's status facts as locked (why: pausing an offer in flight then applies to the redeem, door 1). */
const gateOf = (o: LockedOffer): OfferGateFacts => ({
  offer_status: o.offer_status, offer_expiry_date: o.offer_expiry_date ? new Date(o.offer_expiry_date) : null, deleted: o.deleted === true || o.deleted === "t",
});

/** Why: a code read from JSON must look exactly like a drizzle-selected one (Dates, numbers). */
function codeRow(r: Record<string, unknown>): CodeRow {
  return {
    ...(r as CodeRow), value: Number(r.value), minimum_order_cents: r.minimum_order_cents === null ? null : Number(r.minimum_order_cents),
    starts_at: dateOrNull(r.starts_at), expires_at: dateOrNull(r.expires_at), created_at: new Date(r.created_at as string), updated_at: new Date(r.updated_at as string),
  };
}

/**
 * The locking CTEs over the prefix's `c`, `o` and `oi`: with `lock`, every read takes its lock in the global order;
 * without, the same reads lock-free (validate). `starts` lists [period, period_start] for the batch's clocks, so
 * the tenant spend row follows the budget's period as locked.
 */
function lockSql(lock: boolean, tenantId: string, starts: string) {
  const f = (clause: string) => sql.raw(lock ? clause : "");
  return sql`lo as (
      select offer_id, total_budget_cents, offer_status, offer_expiry_date, deleted_at is not null as deleted from offers
      where tenant_id = ${tenantId} and offer_id = any(array(select offer_id from o)) order by offer_id ${f("for share")}),
    lpc as (select campaign_id, budget_cents from program_campaigns where tenant_id = ${tenantId}
      and campaign_id = any(array(select campaign_id from oi where campaign_id is not null))
      and (select count(*) from lo) >= 0 order by campaign_id ${f("for share")}),
    lc as (select * from discount_codes where tenant_id = ${tenantId} and code_id = any(array(select code_id from c))
      and (select count(*) from lpc) >= 0 order by code_id ${f("for update")}),
    lb as (select cap_cents, period from budgets where tenant_id = ${tenantId} and (select count(*) from lc) >= 0 ${f("for share")}),
    lg as (select ${sql.raw(sketchesOf("lc"))} = ${sql.raw(sketchesOf("c"))} as ok),
    lk as (select 'tenant'::text as scope, lb.period::text as scope_id, (k->>1)::date as period_start
        from lb, jsonb_array_elements(${starts}::jsonb) k where k->>0 = lb.period::text
      union select 'offer', offer_id::text, ${TOTAL_PERIOD_START}::date from oi
      union select 'campaign', campaign_id::text, ${TOTAL_PERIOD_START}::date from oi where campaign_id is not null),
    ls as (select scope, scope_id, period_start::text as period_start, spent_cents from budget_spend
      where tenant_id = ${tenantId} and (select ok from lg) and (scope, scope_id, period_start) in (select scope, scope_id, period_start from lk)
      order by scope, scope_id, period_start ${f("for update")})`;
}

const LOCK_COLS = sql`(select json_agg(lc) from lc) as lk_codes, (select row_to_json(lb) from lb) as lk_budget, (select ok from lg) as lk_ok,
      (select json_agg(ls) from ls) as lk_spend, (select json_agg(lo) from lo) as lk_offers, (select json_agg(lpc) from lpc) as lk_campaigns`;

/**
 * Reads the prefix and takes (with `lock`) every lock of the batch in one round trip (why: a lone redeem then
 * costs no more round trips than a naive transaction). Without `lock` (validate), the same reads lock-free, and
 * from then on the database refuses any write in the transaction (no extra round trip for it).
 */
export async function loadLockedFacts(tx: Tx, tenantId: string, q: FactsQuery, opts: { lock: boolean } = { lock: true }): Promise<LoadedFacts> {
  const periods: BudgetPeriod[] = ["month", "quarter", "total"];
  const starts = [...new Set(q.nows.flatMap((now) => periods.map((p) => JSON.stringify([p, budgetPeriodStart(p, now)]))))].map((x) => JSON.parse(x));
  const prefix = prefixSql(tenantId, q.promoCodes, q.keys, q.customerKeys);
  // Without locks nothing waits, so the live counts can share the statement's snapshot: validate reads in ONE statement.
  const tail = opts.lock ? sql`` : sql`, ${countsCols(tenantId, {
    limitedCodes: sql`array(select code_id from lc where per_customer_limit is not null)`,
    offerTotals: sql`array(select offer_id from oi where usage_limit is not null)`,
    offerPerCustomer: sql`array(select offer_id from oi where per_customer_limit is not null)`, customers: textArray(q.customerKeys),
    holds: {
      codeIds: sql`array(select code_id from lc)`, offerIds: sql`array(select offer_id from oi)`, reservationIds: sql`array[]::uuid[]`,
      spendKeys: sql`array(select scope || '|' || scope_id || '|' || period_start::text from lk)`, lockNamed: false, now: q.nows[0],
    },
  })}, set_config('transaction_read_only', 'on', true) as read_only`;
  const text = sql`with ${prefix.ctes}, ${lockSql(opts.lock, tenantId, JSON.stringify(starts))} select ${prefix.cols}, ${LOCK_COLS}${tail}`;
  const res = await executeNamed(tx, opts.lock ? "redeem_facts_locks" : "validate_facts", text);
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  return { pre: parsePrefix(r), locked: parseLocked(r), ...(opts.lock ? {} : { counts: parseCounts(r) }) };
}

/** The lock columns of the combined row as typed rows and maps. */
function parseLocked(r: Record<string, unknown>): Locked {
  const budget = parse<{ cap_cents: number; period: BudgetPeriod } | null>(r.lk_budget);
  const ok = r.lk_ok === true || r.lk_ok === "t";
  const spend = ok ? new Map<string, number>() : null;
  for (const s of parse<{ scope: SpendKey["scope"]; scope_id: string; period_start: string; spent_cents: number }[] | null>(r.lk_spend) ?? []) {
    spend?.set(keyOf(s), Number(s.spent_cents));
  }
  const offerCaps = new Map<string, { cap: number | null; gate: OfferGateFacts }>();
  for (const o of parse<LockedOffer[] | null>(r.lk_offers) ?? []) offerCaps.set(o.offer_id, { cap: capOrNull(o.total_budget_cents), gate: gateOf(o) });
  const campaignCaps = new Map<string, number | null>();
  for (const c of parse<{ campaign_id: string; budget_cents: unknown }[] | null>(r.lk_campaigns) ?? []) campaignCaps.set(c.campaign_id, capOrNull(c.budget_cents));
  return {
    codes: (parse<Record<string, unknown>[] | null>(r.lk_codes) ?? []).map(codeRow),
    budget: budget ? { cap_cents: Number(budget.cap_cents), period: budget.period } : null,
    spend, offerCaps, campaignCaps,
  };
}

/**
 * The re-plan path's cap locks (why: the general loader read caps lock-free): offers and campaigns FOR SHARE,
 * their caps re-read under the lock and written into `offers` in place.
 */
export async function lockCaps(tx: Tx, tenantId: string, offers: Map<string, OfferBudgetInfo>): Promise<void> {
  if (offers.size === 0) return;
  const offerIds = JSON.stringify([...offers.keys()].sort());
  const campaignIds = JSON.stringify([...new Set([...offers.values()].flatMap((o) => (o.campaign_id ? [o.campaign_id] : [])))].sort());
  const uuids = (j: string) => sql`any(array(select (jsonb_array_elements_text(${j}::jsonb))::uuid))`;
  const res = await tx.execute(sql`with o as (select offer_id, total_budget_cents, offer_status, offer_expiry_date, deleted_at is not null as deleted
      from offers where tenant_id = ${tenantId} and offer_id = ${uuids(offerIds)} order by offer_id for share),
    pc as (select campaign_id, budget_cents from program_campaigns where tenant_id = ${tenantId} and campaign_id = ${uuids(campaignIds)}
      and (select count(*) from o) >= 0 order by campaign_id for share)
    select (select json_agg(o) from o) as offers, (select json_agg(pc) from pc) as campaigns`);
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  const camp = new Map((parse<{ campaign_id: string; budget_cents: unknown }[] | null>(r.campaigns) ?? []).map((c) => [c.campaign_id, capOrNull(c.budget_cents)]));
  for (const o of parse<LockedOffer[] | null>(r.offers) ?? []) {
    const info = offers.get(o.offer_id)!;
    info.total_budget_cents = capOrNull(o.total_budget_cents);
    info.gate = gateOf(o);
    if (info.campaign_id && camp.has(info.campaign_id)) info.campaign_budget_cents = camp.get(info.campaign_id)!;
  }
}
