// Pre-launch forecast of a draft offer: redemptions, discount spend and the budget burn by day.
//
// Method (pure, deterministic):
// 1. Similar past offers first. Each past offer scores one point per match on program type, audience,
//    surface and discount type; the offers with the highest score (at least 1, up to 5) are used.
// 2. Each similar offer's daily redemption curve is stretched onto the draft's days by relative position
//    (day i of the draft reads the past offer at i/D of its run) and scaled by D / its length, so a
//    longer run forecasts proportionally more redemptions at the same daily pace. The forecast is the
//    average of these curves; the low/high band is the smallest/largest of them (±50% if only one).
// 3. No similar history: benchmark rates (cited data passed in by the caller) × the reach, spread evenly
//    over the days, band ±50%.
// 4. Spend = redemptions × the draft's discount per redemption (percent × minimum spend or typical order,
//    or the fixed amount). Redemptions stop at the total usage limit and at the budget, which is what the
//    redeem path enforces; the budget runs out on the first day cumulative expected spend reaches it.

/** A past offer's observed outcome; the history the forecast learns from. */
export type PastOffer = {
  id: string;
  programType: string | null;
  audience: string[];
  surface: string | null;
  discountType: string;
  startDate: string;
  endDate: string;
  /** Redemptions per day from the start date (index 0 = start), one entry per day of the run. */
  daily: number[];
  /** Average discount of one redemption, in cents. */
  discountPerRedemptionCents: number;
};

/** The draft's facts the forecast needs (cents, ISO dates). */
export type ForecastDraft = {
  programType: string | null;
  audience: string[];
  surface: string | null;
  discountType: string;
  /** Percent for a percentage discount, cents for a fixed one. */
  value: number | null;
  unit: "%" | "$" | null;
  startDate: string;
  endDate: string;
  totalBudgetCents: number | null;
  totalUsageLimit: number | null;
  minimumSpendCents: number | null;
};

/** Cited benchmark rate used when there is no similar history (data from agent/recommend/benchmarks.json). */
export type ForecastBenchmark = { rate: number; reach: number; label: string; typicalOrderCents: number };

/** One day of the burn curve: cumulative expected spend and its band, in cents. */
export type BurnDay = { date: string; redemptions: number; spendCents: number; lowCents: number; highCents: number };

/** What the draft panel, the draft tool, MCP and the CLI show before launch. */
export type Forecast = {
  method: "history" | "benchmark";
  basis: string[];
  expectedRedemptions: number;
  lowRedemptions: number;
  highRedemptions: number;
  discountSpendCents: number;
  discountPerRedemptionCents: number;
  budgetRunsOut: string | null;
  curve: BurnDay[];
  note: string;
};

const DAY_MS = 86_400_000;
const dayIndex = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (idx: number) => new Date(idx * DAY_MS).toISOString().slice(0, 10);

/** Days in an inclusive date range (at least 1). */
export function daysIn(start: string, end: string): number {
  return Math.max(1, dayIndex(end) - dayIndex(start) + 1);
}

/** Similarity of a past offer to the draft: one point per matching attribute. */
export function similarity(d: ForecastDraft, p: PastOffer): number {
  const sameAudience = [...d.audience].sort().join("|") === [...p.audience].sort().join("|");
  return Number(d.programType === p.programType) + Number(sameAudience)
    + Number(d.surface === p.surface) + Number(d.discountType === p.discountType);
}

/** Stretches a past daily curve onto `days` days, keeping its daily pace. */
export function stretch(daily: number[], days: number): number[] {
  const n = daily.length;
  if (n === 0) return new Array<number>(days).fill(0);
  return Array.from({ length: days }, (_, i) => {
    const from = (i / days) * n;
    const to = ((i + 1) / days) * n;
    let sum = 0;
    for (let k = Math.floor(from); k < Math.ceil(to) && k < n; k++) {
      sum += daily[k] * (Math.min(to, k + 1) - Math.max(from, k));
    }
    return sum * (days / n);
  });
}

/** Cents one redemption of the draft costs, or null when neither its value nor an order size is known. */
export function perRedemptionCents(d: ForecastDraft, typicalOrderCents: number | null): number | null {
  if (d.value === null || d.value <= 0) return null;
  if (d.unit === "$") return d.value;
  const order = d.minimumSpendCents ?? typicalOrderCents;
  return order ? Math.round((d.value / 100) * order) : null;
}

const cumulative = (xs: number[]) => xs.reduce<number[]>((acc, x) => [...acc, (acc.at(-1) ?? 0) + x], []);

/** Forecasts a complete draft from the tenant's history, or from benchmarks when there is none similar. */
export function forecastOffer(d: ForecastDraft, history: PastOffer[], bench: ForecastBenchmark): Forecast {
  const days = daysIn(d.startDate, d.endDate);
  const scored = history.map((p) => ({ p, s: similarity(d, p) })).filter((x) => x.s > 0 && x.p.daily.length > 0);
  const best = Math.max(0, ...scored.map((x) => x.s));
  const similar = scored.filter((x) => x.s === best).slice(0, 5).map((x) => x.p);
  const curves = similar.map((p) => stretch(p.daily, days));
  let mean: number[], low: number[], high: number[];
  if (curves.length > 0) {
    mean = Array.from({ length: days }, (_, i) => curves.reduce((a, c) => a + c[i], 0) / curves.length);
    const totals = curves.map((c) => c.reduce((a, b) => a + b, 0));
    const lowC = curves.length > 1 ? curves[totals.indexOf(Math.min(...totals))] : mean.map((x) => x * 0.5);
    const highC = curves.length > 1 ? curves[totals.indexOf(Math.max(...totals))] : mean.map((x) => x * 1.5);
    [low, high] = [lowC, highC];
  } else {
    const perDay = (bench.rate * bench.reach) / days;
    mean = new Array<number>(days).fill(perDay);
    low = mean.map((x) => x * 0.5);
    high = mean.map((x) => x * 1.5);
  }
  const historyPer = similar.length
    ? Math.round(similar.reduce((a, p) => a + p.discountPerRedemptionCents, 0) / similar.length) : null;
  const per = perRedemptionCents(d, bench.typicalOrderCents) ?? historyPer ?? 0;
  const budgetCap = d.totalBudgetCents !== null && per > 0 ? d.totalBudgetCents / per : Infinity;
  const cap = Math.min(d.totalUsageLimit ?? Infinity, budgetCap);
  const clip = (xs: number[]) => cumulative(xs).map((x) => Math.min(x, cap));
  const [cm, cl, ch] = [clip(mean), clip(low), clip(high)];
  const start = dayIndex(d.startDate);
  const curve = cm.map((r, i) => ({
    date: isoOf(start + i), redemptions: Math.round(r),
    spendCents: Math.round(r * per), lowCents: Math.round(cl[i] * per), highCents: Math.round(ch[i] * per),
  }));
  const runsOutAt = d.totalBudgetCents === null ? -1 : cumulative(mean).findIndex((r) => r * per >= d.totalBudgetCents!);
  const expected = Math.round(cm.at(-1) ?? 0);
  return {
    method: curves.length ? "history" : "benchmark",
    basis: similar.map((p) => p.id),
    expectedRedemptions: expected,
    lowRedemptions: Math.round(cl.at(-1) ?? 0),
    highRedemptions: Math.round(ch.at(-1) ?? 0),
    discountSpendCents: Math.round((cm.at(-1) ?? 0) * per),
    discountPerRedemptionCents: per,
    budgetRunsOut: runsOutAt >= 0 ? isoOf(start + runsOutAt) : null,
    curve,
    note: (curves.length
      ? `Average daily curve of ${curves.length} similar past offer${curves.length > 1 ? "s" : ""}, scaled to ${days} days;`
        + ` band = ${curves.length > 1 ? "the lowest and highest of them" : "±50%"}.`
      : `No similar past offers: ${(bench.rate * 100).toFixed(1)}% (${bench.label})`
        + ` of ${bench.reach.toLocaleString("en-US")} customers reached, spread over ${days} days; band ±50%.`)
      + (per > 0 ? "" : " Spend unknown: no minimum spend or past order size to price a redemption."),
  };
}

/** Back-test: forecasts each past offer from the others; mean absolute percentage error of total redemptions. */
export function backtestForecast(history: PastOffer[], bench: ForecastBenchmark): { mape: number; offers: number } {
  const errors = history.flatMap((p) => {
    const actual = p.daily.reduce((a, b) => a + b, 0);
    if (actual <= 0) return [];
    const draft: ForecastDraft = {
      programType: p.programType, audience: p.audience, surface: p.surface, discountType: p.discountType,
      value: p.discountPerRedemptionCents, unit: "$", startDate: p.startDate, endDate: p.endDate,
      totalBudgetCents: null, totalUsageLimit: null, minimumSpendCents: null,
    };
    const f = forecastOffer(draft, history.filter((o) => o.id !== p.id), bench);
    return [Math.abs(f.expectedRedemptions - actual) / actual];
  });
  return { mape: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : NaN, offers: errors.length };
}
