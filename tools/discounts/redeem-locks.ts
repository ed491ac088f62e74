import { sql } from "drizzle-orm";
import type { BudgetPeriod } from "@/core/governance";
import type { Tx } from "@/db/database";
import { executeNamed } from "./redeem-prefix";
import { keyOf, type OfferBudgetInfo, type OfferGateFacts, type SpendKey } from "./facts";
import type { CodeRow } from "./mappers";
import type { CodeSketch } from "./redeem-prefix";

// The locked half of redeem's reads. One statement takes every lock in the global order — offers and campaigns
// FOR SHARE (their caps) → codes FOR UPDATE by code_id → budget FOR SHARE → spend rows FOR UPDATE —
// each step gated on the one before, so PostgreSQL cannot run them out of order. Locked reads return the
// newest row versions; anything counted from unlocked rows (ledger sums) is read in a LATER statement,
// whose snapshot starts after the locks are held (a statement's snapshot predates its lock waits).

export type Locked = {
  codes: CodeRow[];
  budget: { cap_cents: number; period: BudgetPeriod } | null;
  /** Spend per key, or null when the locked rows differ from the plan (the caller then re-plans under the locks). */
  spend: Map<string, number> | null;
  /** Offer caps and status read under FOR SHARE (a cap or status change waits for us; we see a committed one). */
  offerCaps: Map<string, { cap: number | null; gate: OfferGateFacts }>;
  /** Campaign caps read under FOR SHARE, likewise. */
  campaignCaps: Map<string, number | null>;
};

const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const sketchOf = (c: CodeSketch) => `${c.code_id}:${c.offer_id ?? ""}:${c.surface}`;
const capOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

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
 * The statement text: with `lock`, every read takes its lock in the global order offers → campaigns → codes →
 * budget → spend, each gated on the one before; without, the same reads lock-free (validate), and from then on the
 * database refuses any write in the transaction (no extra round trip for it).
 */
function readsSql(lock: boolean, q: { tenantId: string; offerIds: string; campaignIds: string; ids: string; plan: string; period: string; ks: string }) {
  const f = (clause: string) => sql.raw(lock ? clause : "");
  const uuids = (j: string) => sql`any(array(select (jsonb_array_elements_text(${j}::jsonb))::uuid))`;
  return sql`with o as (
      select offer_id, total_budget_cents, offer_status, offer_expiry_date, deleted_at is not null as deleted from offers
      where tenant_id = ${q.tenantId} and offer_id = ${uuids(q.offerIds)} order by offer_id ${f("for share")}),
    pc as (select campaign_id, budget_cents from program_campaigns where tenant_id = ${q.tenantId} and campaign_id = ${uuids(q.campaignIds)}
      and (select count(*) from o) >= 0 order by campaign_id ${f("for share")}),
    c as (select * from discount_codes where tenant_id = ${q.tenantId} and code_id = ${uuids(q.ids)}
      and (select count(*) from pc) >= 0 order by code_id ${f("for update")}),
    b as (select cap_cents, period from budgets where tenant_id = ${q.tenantId} and (select count(*) from c) >= 0 ${f("for share")}),
    g as (select (select coalesce(string_agg(code_id::text || ':' || coalesce(offer_id::text, '') || ':' || surface, ',' order by code_id), '') from c) = ${q.plan}
      and (select coalesce(max(period), '') from b) = ${q.period} as ok),
    s as (select scope, scope_id, period_start::text as period_start, spent_cents from budget_spend
      where tenant_id = ${q.tenantId} and (select ok from g)
        and (scope, scope_id, period_start) in (select k->>0, k->>1, (k->>2)::date from jsonb_array_elements(${q.ks}::jsonb) k)
      order by scope, scope_id, period_start ${f("for update")})
    select (select json_agg(c) from c) as codes, (select row_to_json(b) from b) as budget, (select ok from g) as ok, (select json_agg(s) from s) as spend,
      (select json_agg(o) from o) as offers, (select json_agg(pc) from pc) as campaigns${sql.raw(lock ? "" : `,
      set_config('transaction_read_only', 'on', true) as read_only`)}`;
}

/**
 * Locks (or, for validate, just reads) the planned offers, campaigns, codes, the budget and the planned spend
 * rows in one round trip (why: the hot code lock is then held for fewer round trips). Spend rows are read only
 * when codes and budget still match the plan; missing spend rows are simply absent from the map.
 */
export async function lockForRedeem(
  tx: Tx, tenantId: string, codes: CodeSketch[], period: BudgetPeriod | null, keys: SpendKey[], caps: { offerIds: string[]; campaignIds: string[] },
  opts: { lock: boolean } = { lock: true },
): Promise<Locked> {
  const sorted = [...codes].sort((a, b) => (a.code_id < b.code_id ? -1 : a.code_id > b.code_id ? 1 : 0));
  const q = {
    tenantId, plan: sorted.map(sketchOf).join(","), period: period ?? "",
    ids: JSON.stringify(sorted.map((c) => c.code_id)),
    offerIds: JSON.stringify([...new Set(caps.offerIds)].sort()), campaignIds: JSON.stringify([...new Set(caps.campaignIds)].sort()),
    ks: JSON.stringify(keys.map((k) => [k.scope, k.scope_id, k.period_start])),
  };
  const res = await executeNamed(tx, opts.lock ? "redeem_locks" : "validate_reads", readsSql(opts.lock, q));
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  const budget = parse<{ cap_cents: number; period: BudgetPeriod } | null>(r.budget);
  const ok = r.ok === true || r.ok === "t";
  const spend = ok ? new Map<string, number>() : null;
  for (const s of parse<{ scope: SpendKey["scope"]; scope_id: string; period_start: string; spent_cents: number }[] | null>(r.spend) ?? []) {
    spend?.set(keyOf(s), Number(s.spent_cents));
  }
  const offerCaps = new Map<string, { cap: number | null; gate: OfferGateFacts }>();
  for (const o of parse<LockedOffer[] | null>(r.offers) ?? []) offerCaps.set(o.offer_id, { cap: capOrNull(o.total_budget_cents), gate: gateOf(o) });
  const campaignCaps = new Map<string, number | null>();
  for (const c of parse<{ campaign_id: string; budget_cents: unknown }[] | null>(r.campaigns) ?? []) campaignCaps.set(c.campaign_id, capOrNull(c.budget_cents));
  return {
    codes: (parse<Record<string, unknown>[] | null>(r.codes) ?? []).map(codeRow),
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

export type LiveUses = { customerUses: Map<string, number>; offerUses: Map<string, number>; offerCustomerUses: Map<string, number> };

/**
 * Net uses per (code, customer), per offer and per (offer, customer), in one statement run after
 * lockForRedeem (why: its fresh snapshot sees every redemption that held those locks before us).
 */
export async function loadLiveUses(tx: Tx, tenantId: string, limitedCodes: string[], offerTotals: string[], offerPerCustomer: string[], customers: string[]): Promise<LiveUses> {
  const out: LiveUses = { customerUses: new Map(), offerUses: new Map(), offerCustomerUses: new Map() };
  const need = (limitedCodes.length || offerPerCustomer.length) && customers.length;
  if (!need && !offerTotals.length) return out;
  const j = (xs: string[]) => JSON.stringify([...new Set(xs)]);
  const set = (xs: string[]) => sql`any(array(select jsonb_array_elements_text(${j(xs)}::jsonb)))`;
  const ids = (xs: string[]) => sql`any(array(select (jsonb_array_elements_text(${j(xs)}::jsonb))::uuid))`;
  const net = sql`sum(case when kind = 'redemption' then 1 else -1 end)::int`;
  const res = await executeNamed(tx, "redeem_uses", sql`select
    (select json_agg(x) from (select code_id, customer_id, ${net} as n from discount_redemptions
       where tenant_id = ${tenantId} and code_id = ${ids(limitedCodes)} and customer_id = ${set(customers)} group by code_id, customer_id) x) as cu,
    (select json_agg(x) from (select offer_id, coalesce(sum(redemption_count), 0)::int as n from discount_codes
       where tenant_id = ${tenantId} and offer_id = ${ids(offerTotals)} group by offer_id) x) as ot,
    (select json_agg(x) from (select offer_id, customer_id, ${net} as n from discount_redemptions
       where tenant_id = ${tenantId} and offer_id = ${ids(offerPerCustomer)} and customer_id = ${set(customers)} group by offer_id, customer_id) x) as oc`);
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  type Row = { code_id?: string; offer_id?: string; customer_id?: string; n: number };
  for (const x of parse<Row[] | null>(r.cu) ?? []) out.customerUses.set(`${x.code_id}|${x.customer_id}`, Number(x.n));
  for (const x of parse<Row[] | null>(r.ot) ?? []) out.offerUses.set(x.offer_id!, Number(x.n));
  for (const x of parse<Row[] | null>(r.oc) ?? []) out.offerCustomerUses.set(`${x.offer_id}|${x.customer_id}`, Number(x.n));
  return out;
}
