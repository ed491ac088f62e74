import { and, eq, inArray } from "drizzle-orm";
import { type BudgetPeriod, type PolicyFacts, TOTAL_PERIOD_START } from "@/core/governance";
import type { CheckFacts, OfferUnderCheck } from "@/core/offers/evaluate";
import { periodsCovered } from "@/core/offers/evaluate-rules";
import { type HealthFacts, type OfferHealth, type OfferHealthInput, offerHealth } from "@/core/offers/health";
import { effectiveStatus } from "@/core/offers/lifecycle";
import type { Tx } from "@/db/database";
import { discountCodes, discountPolicies, offerDescriptives } from "@/db/schema";
import { budgetViewInTx } from "../discounts";
import { keyOf, loadLatestSnapshots, loadPolicies, loadSpend, loadTenantBudget, loadTenantCurrency } from "../discounts/facts";
import { tenantSpendKey } from "../discounts/spend-window";
import type { OfferRow } from "./offer-read";

// The facts core/offers/evaluate and core/offers/health decide on, loaded with the discount engine's own
// loaders (same policies, readings and spend rows validate and redeem read). Read-only.

type CodeRow = { offer_id: string | null; code_id: string; promo_code: string; surface: string; status: string; discount_type: "percentage" | "fixed" | "free_shipping"; value: number };

/** The codes of these offers with their terms. */
export async function codesWithTerms(tx: Tx, offerIds: string[]): Promise<CodeRow[]> {
  if (offerIds.length === 0) return [];
  return tx.select({
    offer_id: discountCodes.offer_id, code_id: discountCodes.code_id, promo_code: discountCodes.promo_code, surface: discountCodes.surface,
    status: discountCodes.status, discount_type: discountCodes.discount_type, value: discountCodes.value,
  }).from(discountCodes).where(inArray(discountCodes.offer_id, offerIds));
}

/** Policies and latest readings of these surfaces (every surface with a policy when none is named). */
export async function loadSurfaceFacts(tx: Tx, tenantId: string, surfaces: string[]) {
  const names = surfaces.length ? surfaces : (await tx.select({ s: discountPolicies.surface }).from(discountPolicies)).map((r) => r.s);
  const policies = [...(await loadPolicies(tx, tenantId, names)).values()];
  const snapshots = await loadLatestSnapshots(tx, tenantId, policies.flatMap((p) => p.kpi_floors.map((k) => k.kpi)), names);
  return { policies, snapshots };
}

/**
 * The tenant budget with its spend in every period from..to (why: an offer is checked against the periods it runs
 * in); `known` is the cap already read with other facts (undefined: read it here).
 */
export async function loadCheckBudget(
  tx: Tx, tenantId: string, window: { from: string; to: string }, known?: { cap_cents: number; period: BudgetPeriod } | null,
): Promise<CheckFacts["budget"]> {
  const cap = known === undefined ? await loadTenantBudget(tx, tenantId) : known;
  if (!cap) return null;
  const starts = periodsCovered(cap.period, window.from, window.to);
  const keys = starts.map((p) => ({ ...tenantSpendKey(cap.period, new Date(`${p}T00:00:00Z`)) }));
  const spend = await loadSpend(tx, tenantId, keys, { lock: false });
  return { cap_cents: cap.cap_cents, period: cap.period as BudgetPeriod, spent: Object.fromEntries(keys.map((k) => [k.period_start, spend.get(keyOf(k)) ?? 0])) };
}

/** Everything evaluateOffer needs for an offer or draft running from..to on these surfaces. */
export async function loadCheckFacts(tx: Tx, tenantId: string, surfaces: string[], window: { from: string; to: string }, now: Date): Promise<CheckFacts> {
  const { policies, snapshots } = await loadSurfaceFacts(tx, tenantId, surfaces);
  const currency = await loadTenantCurrency(tx, tenantId);
  const budget = await loadCheckBudget(tx, tenantId, window);
  return { policies, snapshots, budget, currency, today: now.toISOString().slice(0, 10), now };
}

/** A saved offer in the evaluator's shape (its copy, codes not switched off by an admin, cents as stored). */
export async function offerUnderCheck(tx: Tx, row: OfferRow): Promise<OfferUnderCheck> {
  const codes = await codesWithTerms(tx, [row.offer_id]);
  const [copy] = await tx.select().from(offerDescriptives)
    .where(and(eq(offerDescriptives.offer_id, row.offer_id), eq(offerDescriptives.language_code, row.default_language)));
  const surfaces = [...new Set(codes.map((c) => c.surface))];
  return {
    kind: "offer", offerType: row.offer_type, offerValue: row.offer_value, unit: (row.max_discount_unit as "%" | "$" | null) ?? null, surfaces,
    minimumSpendCents: row.minimum_spend_cents, totalBudgetCents: row.total_budget_cents,
    startDate: row.start_date ?? row.version_active_from?.toISOString().slice(0, 10) ?? null,
    endDate: row.end_date ?? row.offer_expiry_date?.toISOString().slice(0, 10) ?? null,
    programType: row.classification, audience: row.target_audience,
    copy: [copy?.short_text, copy?.long_text, copy?.terms_conditions].filter(Boolean).join("\n"),
    perCustomerLimit: row.usage_limit_per_customer, redemptionMethod: row.offer_redemption_methods[0] ?? (codes.length ? "promo_code" : null),
    promoCode: null, liveCodes: codes.length, codes: codes.map((c) => c.promo_code),
  };
}

/** Health inputs of active offers (others read as their status), plus the tenant facts they share. */
export async function loadHealthInputs(tx: Tx, rows: OfferRow[], now: Date, override?: PolicyFacts) {
  const live = rows.filter((r) => effectiveStatus(r.offer_status, r.offer_expiry_date, now) === "active");
  const inputs = new Map<string, OfferHealthInput>();
  for (const r of rows) inputs.set(r.offer_id, { status: effectiveStatus(r.offer_status, r.offer_expiry_date, now), startsAt: r.version_active_from ?? (r.start_date ? new Date(`${r.start_date}T00:00:00Z`) : null), codes: [], offerBudget: null });
  if (live.length === 0) return { inputs, facts: null };
  const tenantId = live[0].tenant_id;
  const codes = await codesWithTerms(tx, live.map((r) => r.offer_id));
  for (const c of codes) inputs.get(c.offer_id!)!.codes.push({ surface: c.surface, status: c.status, terms: { discount_type: c.discount_type, value: Number(c.value) } });
  const surfaces = [...new Set([...codes.map((c) => c.surface), ...(override ? [override.surface] : [])])];
  const { policies, snapshots } = await loadSurfaceFacts(tx, tenantId, surfaces);
  const budgeted = live.filter((r) => r.total_budget_cents !== null);
  const keys = budgeted.map((r) => ({ scope: "offer" as const, scope_id: r.offer_id, period_start: TOTAL_PERIOD_START }));
  const spend = await loadSpend(tx, tenantId, keys, { lock: false });
  for (const r of budgeted) inputs.get(r.offer_id)!.offerBudget = { cap_cents: r.total_budget_cents!, spent_cents: spend.get(keyOf(keys.find((k) => k.scope_id === r.offer_id)!)) ?? 0 };
  const view = await budgetViewInTx(tx, tenantId, now);
  const facts: HealthFacts = { policies, snapshots, tenantHeadroomCents: view ? view.headroom_cents : null, now };
  return { inputs, facts };
}

/** CONTRACT §9: each offer's health, computed by core/offers/health for a page of rows. */
export async function healthByOffer(tx: Tx, rows: OfferRow[], now: Date): Promise<Map<string, OfferHealth>> {
  const { inputs, facts } = await loadHealthInputs(tx, rows, now);
  const out = new Map<string, OfferHealth>();
  for (const [id, input] of inputs) out.set(id, facts ? offerHealth(input, facts) : (input.status as OfferHealth));
  return out;
}
