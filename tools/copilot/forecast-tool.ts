import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { daysIn, forecastOffer, type PastOffer } from "@/core/offers/forecast";
import { toMinorUnits } from "@/core/offers/money";
import type { Tx } from "@/db/database";
import { discountCodes, offers, programs } from "@/db/schema";
import { tenantTx } from "../context";
import { loadTenantCurrency } from "../discounts/facts";
import { ledgerDaysByOffer } from "../offers/analytics-tools";
import { defineTool } from "../registry";
import { ForecastInput, ForecastOutput } from "./forecast-schemas";

// The pre-launch forecast of a draft (core/offers/forecast.ts) from the tenant's own ended offers: each
// one's redemptions by day come from the analytics query (voids excluded). Agent-internal: the draft
// tool, MCP's draft_offer and `npm run draft` return it through the copilot.

const MAX_HISTORY = 100;
/** Reach assumed for benchmark rates when the tenant has no customers in its ledger yet. */
const DEFAULT_REACH = 1_000;

/** The history and its average order (prices a percent off with no minimum spend). */
type History = { history: PastOffer[]; orderCents: number | null };

/**
 * The tenant's ended offers as forecast history, newest first (why: similar past offers drive the forecast;
 * the back-test reads it too).
 */
export async function loadHistory(tx: Tx, tenantId: string, today: string): Promise<History> {
  const rows = await tx.select({
    id: offers.offer_id, type: offers.offer_type, start: offers.start_date, end: offers.end_date,
    audience: offers.target_audience, programType: programs.program_type,
    surface: sql<string | null>`(select ${discountCodes.surface} from ${discountCodes}
      where ${discountCodes.tenant_id} = ${offers.tenant_id} and ${discountCodes.offer_id} = ${offers.offer_id}
      order by ${discountCodes.created_at} limit 1)`,
  }).from(offers)
    .leftJoin(programs, and(eq(programs.tenant_id, offers.tenant_id), eq(programs.program_id, offers.program_id)))
    .where(and(isNull(offers.deleted_at), lt(offers.end_date, today), sql`${offers.start_date} is not null`))
    .orderBy(desc(offers.end_date)).limit(MAX_HISTORY);
  const history: PastOffer[] = [];
  let orders = 0, n = 0;
  const byOffer = await ledgerDaysByOffer(tx, tenantId, rows.map((r) => r.id));
  for (const r of rows) {
    const days = byOffer.get(r.id) ?? [];
    const total = days.reduce((t, d) => ({ n: t.n + d.n, discount: t.discount + Number(d.discount), revenue: t.revenue + Number(d.revenue) }),
      { n: 0, discount: 0, revenue: 0 });
    if (total.n === 0) continue;
    const start = Date.parse(`${r.start}T00:00:00Z`);
    const daily = new Array<number>(daysIn(r.start!, r.end!)).fill(0);
    for (const d of days) {
      const i = Math.round((Date.parse(`${d.day}T00:00:00Z`) - start) / 86_400_000);
      if (i >= 0 && i < daily.length) daily[i] += d.n;
    }
    history.push({
      id: r.id, programType: r.programType ?? null, audience: r.audience, surface: r.surface, discountType: r.type,
      startDate: r.start!, endDate: r.end!, daily, discountPerRedemptionCents: Math.round(total.discount / total.n),
    });
    orders += total.revenue;
    n += total.n;
  }
  return { history, orderCents: n ? Math.round(orders / n) : null };
}

export const forecastDraft = defineTool({
  name: "forecast_draft",
  description: "Expected redemptions, discount spend and budget burn by day of a draft, "
    + "from the tenant's similar past offers.",
  input: ForecastInput,
  output: ForecastOutput,
  permission: "agent.use",
  async execute(input, ctx) {
    const today = ctx.now().toISOString().slice(0, 10);
    return tenantTx(ctx, async (tx, tenantId) => {
      const currency = await loadTenantCurrency(tx, tenantId);
      const { history, orderCents } = await loadHistory(tx, tenantId, today);
      const reachRows = await tx.execute(sql`select count(distinct customer_id)::int as reach
        from discount_redemptions where tenant_id = ${tenantId} and kind = 'redemption'`);
      type Reach = { reach: number };
      const [{ reach }] = (reachRows as unknown as { rows?: Reach[] }).rows ?? (reachRows as unknown as Reach[]);
      const minor = (v: number | null) => (v === null ? null : toMinorUnits(v, currency));
      const f = forecastOffer({
        programType: input.program_type, audience: input.target_audience, surface: input.surface,
        discountType: input.offer_type,
        value: input.unit === "$" ? minor(input.offer_value) : input.offer_value, unit: input.unit,
        startDate: input.start_date, endDate: input.end_date, totalBudgetCents: minor(input.total_budget),
        totalUsageLimit: input.total_usage_limit, minimumSpendCents: minor(input.minimum_spend),
      }, history, { ...input.benchmark, reach: Number(reach) || DEFAULT_REACH, typicalOrderCents: orderCents ?? 0 });
      return {
        currency, method: f.method, history_offers: history.length, basis: f.basis,
        expected_redemptions: f.expectedRedemptions, low_redemptions: f.lowRedemptions, high_redemptions: f.highRedemptions,
        discount_spend_cents: f.discountSpendCents, discount_per_redemption_cents: f.discountPerRedemptionCents,
        budget_runs_out: f.budgetRunsOut,
        curve: f.curve.map((c) => ({
          date: c.date, redemptions: c.redemptions, spend_cents: c.spendCents, low_cents: c.lowCents, high_cents: c.highCents,
        })),
        note: f.note,
      };
    });
  },
});

/** How much history a recommendation may cite. */
export const PastOfferCountOutput = z.object({
  offers: z.number().int().describe("Ended offers with at least one redemption"),
});

/** Counts the tenant's ended offers with redemptions (why: "what do you suggest?" cites history only when there is some). */
export const pastOfferCount = defineTool({
  name: "count_past_offers",
  description: "How many of the tenant's ended offers have redemptions: the history a recommendation can cite.",
  input: z.object({}).strict(),
  output: PastOfferCountOutput,
  permission: "agent.use",
  async execute(_input, ctx) {
    const today = ctx.now().toISOString().slice(0, 10);
    return tenantTx(ctx, async (tx) => {
      const [row] = await tx.select({ offers: sql<number>`count(*)::int` }).from(offers)
        .where(and(isNull(offers.deleted_at), lt(offers.end_date, today), sql`exists (select 1 from discount_redemptions r
          where r.tenant_id = ${offers.tenant_id} and r.offer_id = ${offers.offer_id} and r.kind = 'redemption')`));
      return { offers: Number(row?.offers ?? 0) };
    });
  },
});
