import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type BudgetPeriod, type KpiSnapshotFact, type PolicyFacts, scopeKey } from "@/core/governance";
import type { OfferStatus } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import {
  budgetSpend, budgets, campaignOffers, customerListEntries, customerLists, discountKpiSnapshots, discountPolicies,
  offers, programCampaigns, redemptionControls as rc, tenants,
} from "@/db/schema";
import { policyFacts } from "./mappers";

// Loaders for the facts governance decides on. Shared by validate, redeem, code create/update and the
// proposal check, so every path decides on the same data. All run inside the caller's tenant transaction.

/** Policies of the given surfaces. */
export async function loadPolicies(tx: Tx, tenantId: string, surfaces: string[]): Promise<Map<string, PolicyFacts>> {
  if (surfaces.length === 0) return new Map();
  const rows = await tx.select().from(discountPolicies)
    .where(and(eq(discountPolicies.tenant_id, tenantId), inArray(discountPolicies.surface, [...new Set(surfaces)])));
  return new Map(rows.map((r) => [r.surface, policyFacts(r)]));
}

/** The tenant's currency as read, or a loud failure: it words every amount, so it is never guessed (one rule). */
export function requireCurrency(currency: string | null | undefined): string {
  if (!currency) throw new Error("The tenant's currency was not found");
  return currency;
}

/** The tenant's ISO 4217 currency: what its `_cents` mean and how refusals word money (never guessed). */
export async function loadTenantCurrency(tx: Tx, tenantId: string): Promise<string> {
  const [t] = await tx.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.tenant_id, tenantId));
  return requireCurrency(t?.currency);
}

/** Latest reading per (kpi, surface) for the given KPIs on the given surfaces and tenant-wide. */
export async function loadLatestSnapshots(tx: Tx, tenantId: string, kpis: string[], surfaces: string[]): Promise<KpiSnapshotFact[]> {
  if (kpis.length === 0) return [];
  const s = discountKpiSnapshots;
  const rows = await tx
    .selectDistinctOn([s.kpi, s.surface], { kpi: s.kpi, surface: s.surface, value: s.value, observed_at: s.observed_at })
    .from(s)
    .where(and(eq(s.tenant_id, tenantId), inArray(s.kpi, [...new Set(kpis)]), inArray(s.surface, [...new Set([...surfaces, ""])])))
    // Equal observed_at (a feed pushing twice in one instant): the one recorded last wins.
    .orderBy(s.kpi, s.surface, desc(s.observed_at), desc(s.created_at));
  return rows.map((r) => ({ kpi: r.kpi, surface: r.surface, value: Number(r.value), observed_at: new Date(r.observed_at) }));
}

/**
 * The tenant's budget cap, or null when none is set. With `lock` it is read FOR SHARE, so a cap change
 * (set_budget updates this row) waits for in-flight redemptions instead of racing them.
 */
export async function loadTenantBudget(tx: Tx, tenantId: string, opts: { lock?: boolean } = {}): Promise<{ cap_cents: number; period: BudgetPeriod } | null> {
  const q = tx.select({ cap_cents: budgets.cap_cents, period: budgets.period }).from(budgets).where(eq(budgets.tenant_id, tenantId));
  const [row] = opts.lock ? await q.for("share") : await q;
  return row ? { cap_cents: Number(row.cap_cents), period: row.period } : null;
}

/** The offer's redemption controls folded into one: every control row applies, so the smallest limit wins. */
export type OfferControls = { usage_limit: number | null; per_customer_limit: number | null; location_lists: string[][] };

/** An offer's own budget, the campaign it draws on (the first linked one, budgeted campaigns first) and its controls. */
export type OfferBudgetInfo = {
  total_budget_cents: number | null; campaign_id: string | null; campaign_budget_cents: number | null; controls: OfferControls | null;
  /** The offer's stored status, expiry and deletion: its codes redeem only while it is active (CONTRACT §6). */
  gate?: OfferGateFacts;
};
export type OfferGateFacts = { offer_status: OfferStatus; offer_expiry_date: Date | null; deleted: boolean };

const ofOffer = sql`${rc.tenant_id} = ${offers.tenant_id} and ${rc.offer_id} = ${offers.offer_id}`;
const asInt = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const asLists = (v: unknown): string[][] => (typeof v === "string" ? JSON.parse(v) : (v ?? [])) as string[][];

/** Budget and redemption-control facts for the offers behind a set of codes, in one statement. */
export async function loadOfferBudgets(tx: Tx, tenantId: string, offerIds: string[]): Promise<Map<string, OfferBudgetInfo>> {
  const ids = [...new Set(offerIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      offer_id: offers.offer_id, total_budget_cents: offers.total_budget_cents, campaign_id: programCampaigns.campaign_id, budget_cents: programCampaigns.budget_cents,
      offer_status: offers.offer_status, offer_expiry_date: offers.offer_expiry_date, deleted_at: offers.deleted_at,
      usage_limit: sql`(select min(${rc.usage_limit}) from ${rc} where ${ofOffer})`,
      per_customer_limit: sql`(select min(${rc.per_customer_limit}) from ${rc} where ${ofOffer})`,
      location_lists: sql`(select json_agg(${rc.location_restrictions}) from ${rc} where ${ofOffer} and jsonb_array_length(${rc.location_restrictions}) > 0)`,
    })
    .from(offers)
    .leftJoin(campaignOffers, and(eq(campaignOffers.tenant_id, offers.tenant_id), eq(campaignOffers.offer_id, offers.offer_id)))
    .leftJoin(programCampaigns, and(eq(programCampaigns.tenant_id, campaignOffers.tenant_id), eq(programCampaigns.campaign_id, campaignOffers.campaign_id)))
    .where(and(eq(offers.tenant_id, tenantId), inArray(offers.offer_id, ids)))
    .orderBy(offers.offer_id, sql`${programCampaigns.budget_cents} is null`, programCampaigns.campaign_id);
  const out = new Map<string, OfferBudgetInfo>();
  for (const r of rows) {
    if (out.has(r.offer_id)) continue;
    out.set(r.offer_id, {
      total_budget_cents: r.total_budget_cents === null ? null : Number(r.total_budget_cents),
      campaign_id: r.campaign_id ?? null,
      campaign_budget_cents: r.budget_cents === null || r.budget_cents === undefined ? null : Number(r.budget_cents),
      controls: controlsOf(asInt(r.usage_limit), asInt(r.per_customer_limit), asLists(r.location_lists)),
      gate: { offer_status: r.offer_status, offer_expiry_date: r.offer_expiry_date ? new Date(r.offer_expiry_date) : null, deleted: r.deleted_at !== null },
    });
  }
  return out;
}

function controlsOf(usage_limit: number | null, per_customer_limit: number | null, location_lists: string[][]): OfferControls | null {
  return usage_limit === null && per_customer_limit === null && location_lists.length === 0 ? null : { usage_limit, per_customer_limit, location_lists };
}

/** Closed loop: which offers have customer lists, and which (offer, customer key) pairs are listed. */
export async function loadEligibility(tx: Tx, tenantId: string, offerIds: string[], customerKeys: string[]) {
  const ids = [...new Set(offerIds)];
  const restricted = new Set<string>();
  const listed = new Set<string>();
  if (ids.length === 0) return { restricted, listed };
  const lists = await tx.select({ list_id: customerLists.list_id, offer_id: customerLists.offer_id }).from(customerLists)
    .where(and(eq(customerLists.tenant_id, tenantId), inArray(customerLists.offer_id, ids)));
  for (const l of lists) restricted.add(l.offer_id);
  const keys = [...new Set(customerKeys)];
  if (lists.length && keys.length) {
    const hits = await tx.select({ list_id: customerListEntries.list_id, key: customerListEntries.customer_key }).from(customerListEntries)
      .where(and(eq(customerListEntries.tenant_id, tenantId), inArray(customerListEntries.list_id, lists.map((l) => l.list_id)), inArray(customerListEntries.customer_key, keys)));
    const offerOf = new Map(lists.map((l) => [l.list_id, l.offer_id]));
    for (const h of hits) listed.add(`${offerOf.get(h.list_id)}|${h.key}`);
  }
  return { restricted, listed };
}

export type SpendKey = { scope: "tenant" | "offer" | "campaign"; scope_id: string; period_start: string };

/** The counter key of a spend row, the same key governance counters use. */
export const keyOf = (k: SpendKey) => scopeKey(k.scope, k.scope_id, k.period_start);
const byKey = (a: SpendKey, b: SpendKey) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
const matchAny = (tenantId: string, keys: SpendKey[]) =>
  and(eq(budgetSpend.tenant_id, tenantId), or(...keys.map((k) => and(eq(budgetSpend.scope, k.scope), eq(budgetSpend.scope_id, k.scope_id), eq(budgetSpend.period_start, k.period_start)))));

/**
 * Spend per counter row. With `lock`, rows are created when missing and locked FOR UPDATE in one
 * global order (scope|id|period), so concurrent batches and processes queue instead of deadlocking.
 */
export async function loadSpend(tx: Tx, tenantId: string, keys: SpendKey[], opts: { lock: boolean }): Promise<Map<string, number>> {
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()].sort(byKey);
  const out = new Map<string, number>();
  if (unique.length === 0) return out;
  const read = async (ks: SpendKey[]) => {
    const q = tx.select().from(budgetSpend).where(matchAny(tenantId, ks)).orderBy(budgetSpend.scope, budgetSpend.scope_id, budgetSpend.period_start);
    const rows = opts.lock ? await q.for("update") : await q;
    for (const r of rows) out.set(keyOf({ scope: r.scope, scope_id: r.scope_id, period_start: String(r.period_start) }), Number(r.spent_cents));
  };
  await read(unique);
  const missing = unique.filter((k) => !out.has(keyOf(k)));
  if (missing.length && opts.lock) {
    await tx.insert(budgetSpend).values(missing.map((k) => ({ tenant_id: tenantId, ...k, spent_cents: 0 }))).onConflictDoNothing();
    await read(missing);
  }
  for (const k of missing) if (!out.has(keyOf(k))) out.set(keyOf(k), 0);
  return out;
}
