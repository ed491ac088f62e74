import { TOTAL_PERIOD_START } from "@/core/governance/budget-period";
import type { Tx } from "./database";
import * as s from "./schema";

// A year of the demo tenant's past offers, generated deterministically (fixed seed), so that history,
// recommendations and forecasts show something on first start. Every offer ends before the current
// quarter starts (of both the seed clock and the wall clock), so today's spend, headroom and budget
// windows are untouched. About 36 offers and a few thousand ledger rows, inserted in bulk statements.

/** One generated past offer with its ledger rows (why: the seed and the forecast back-test share it). */
export type DemoPastOffer = {
  key: string;
  surface: string;
  audience: string[];
  closedLoop: boolean;
  unit: "%" | "$";
  value: number;
  startDate: string;
  endDate: string;
  redemptions: { day: number; customer: string; orderCents: number; discountCents: number }[];
};

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const SURFACES = ["shopify", "marketplace", "hub"];
const AUDIENCES = [["dealers"], ["new customers"], ["members"]];

/** Small seeded PRNG (mulberry32): the same history on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First day of the quarter before which all history ends: the earlier of the seed clock's and the wall clock's. */
function historyEnd(now: Date): number {
  const at = new Date(Math.min(now.getTime(), Date.now()));
  const m = at.getUTCMonth();
  return Date.UTC(at.getUTCFullYear(), m - (m % 3), 1);
}

/** The demo's past offers: three a month over the year before the current quarter, launch spike then decay. */
export function demoHistory(now: Date, seed = 15): DemoPastOffer[] {
  const rand = rng(seed);
  const end = historyEnd(now);
  const out: DemoPastOffer[] = [];
  for (let i = 0; i < 36; i++) {
    const surface = SURFACES[i % 3];
    const audience = AUDIENCES[Math.floor(i / 3) % 3];
    const unit: "%" | "$" = i % 4 === 3 ? "$" : "%";
    const value = unit === "%" ? 10 + 5 * Math.floor(rand() * 3) : 2000 + 1000 * Math.floor(rand() * 3);
    const length = 14 + Math.floor(rand() * 17);
    const startMs = end - 372 * DAY_MS + i * 10 * DAY_MS;
    const lastMs = Math.min(startMs + (length - 1) * DAY_MS, end - DAY_MS);
    const days = Math.round((lastMs - startMs) / DAY_MS) + 1;
    // Pace by surface and audience (so similar offers really are similar), deeper discounts a little faster.
    const depth = unit === "%" ? value / 15 : value / 3000;
    const base = [4, 2.5, 1.5][i % 3] * [1.4, 1, 0.7][Math.floor(i / 3) % 3] * depth;
    const redemptions: DemoPastOffer["redemptions"] = [];
    for (let d = 0; d < days; d++) {
      const shape = 1 + 1.5 * Math.exp(-d / 3) + (d >= days - 3 ? 0.6 : 0);
      const n = Math.max(0, Math.round(base * shape * (0.7 + 0.6 * rand())));
      for (let k = 0; k < n; k++) {
        const orderCents = 8_000 + Math.floor(rand() * 60) * 1_000;
        const discountCents = unit === "%" ? Math.round((orderCents * value) / 100) : Math.min(value, orderCents);
        const customer = `demo-cust-${Math.floor(rand() * 400)}`;
        redemptions.push({ day: d, customer, orderCents, discountCents });
      }
    }
    out.push({
      key: `H${String(i + 1).padStart(2, "0")}`, surface, audience, closedLoop: audience[0] === "dealers", unit, value,
      startDate: iso(startMs), endDate: iso(lastMs), redemptions,
    });
  }
  return out;
}

const chunk = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Inserts the demo history for a tenant (offers, one code each, ledger rows, past spend rows) in bulk. */
export async function seedHistory(tx: Tx, tenant_id: string, programId: string | null, now: Date): Promise<number> {
  const history = demoHistory(now);
  const offers = await tx.insert(s.offers).values(history.map((h) => ({
    tenant_id, offer_status: "expired" as const,
    offer_type: h.unit === "%" ? "percentage_discount" : "fixed_discount",
    offer_value: h.unit === "%" ? h.value : h.value / 100, max_discount_unit: h.unit,
    start_date: h.startDate, end_date: h.endDate,
    target_audience: h.audience, distribution_channels: [h.surface], program_id: h.closedLoop ? programId : null,
    external_reference: `demo-history-${h.key}`, issuer_type: "human",
    created_at: new Date(`${h.startDate}T00:00:00Z`),
  }))).returning({ offer_id: s.offers.offer_id });
  const codes = await tx.insert(s.discountCodes).values(history.map((h, i) => ({
    tenant_id, promo_code: `PAST${h.key}`, surface: h.surface,
    discount_type: h.unit === "%" ? "percentage" as const : "fixed" as const,
    value: h.value, offer_id: offers[i].offer_id, redemption_count: h.redemptions.length, status: "inactive" as const,
    issuer_type: "human" as const,
    starts_at: new Date(`${h.startDate}T00:00:00Z`), expires_at: new Date(`${h.endDate}T23:59:59Z`),
  }))).returning({ code_id: s.discountCodes.code_id, promo_code: s.discountCodes.promo_code });
  const rows = history.flatMap((h, i) => h.redemptions.map((r, k) => {
    const at = new Date(Date.parse(`${h.startDate}T00:00:00Z`) + r.day * DAY_MS + ((k * 7919) % 86_000) * 1000);
    return {
      tenant_id, kind: "redemption" as const, code_id: codes[i].code_id, promo_code: codes[i].promo_code,
      surface: h.surface, offer_id: offers[i].offer_id, customer_id: r.customer, order_id: `demo-${h.key}-${k}`,
      order_total_cents: r.orderCents, discount_cents: r.discountCents,
      budget_period_start: `${iso(at.getTime()).slice(0, 7)}-01`, issuer_type: "human", created_at: at,
    };
  }));
  for (const part of chunk(rows, 1000)) await tx.insert(s.discountRedemptions).values(part);
  const spend = new Map<string, number>();
  const add = (key: string, cents: number) => spend.set(key, (spend.get(key) ?? 0) + cents);
  for (const r of rows) {
    add(`tenant|month|${r.budget_period_start}`, r.discount_cents);
    add(`offer|${r.offer_id}|${TOTAL_PERIOD_START}`, r.discount_cents);
  }
  await tx.insert(s.budgetSpend).values([...spend].map(([k, spent_cents]) => {
    const [scope, scope_id, period_start] = k.split("|");
    return { tenant_id, scope: scope as "tenant" | "offer", scope_id, period_start, spent_cents };
  }));
  return rows.length;
}
