import type { Caller } from "@/tools/context";
import { forecastDraft, type ForecastResult } from "@/tools/copilot";
import type { AgentDeps } from "../config";
import type { OfferDraft } from "../draft";
import benchmarks from "./benchmarks.json";
import { spoken } from "../planner/calendar";
import { fromMinorUnits } from "@/core/offers/money";

// The pre-launch forecast of a draft, through the forecast_draft tool (core/offers/forecast.ts holds the
// method). With no similar history it falls back to the low end of the cited online coupon rate.

/** The cited rate the forecast uses when the tenant has no similar offers (the conservative online rate). */
export function forecastBenchmark(): { rate: number; label: string } {
  const row = benchmarks.redemption_rates.find((r) => r.id === "online_low")!;
  return { rate: row.rate, label: `${row.label}, ${row.source}` };
}

/** Forecast of a draft with a type, value and dates; null while those are open (nothing to forecast yet). */
export async function forecastFor(deps: AgentDeps, caller: Caller, d: OfferDraft): Promise<ForecastResult | null> {
  if (!d.offerType || d.offerValue === null || !d.startDate || !d.endDate || d.endDate < d.startDate) return null;
  return deps.tools(forecastDraft, {
    offer_type: d.offerType, offer_value: d.offerValue, unit: d.maxDiscountUnit, start_date: d.startDate, end_date: d.endDate,
    total_budget: d.totalBudget, total_usage_limit: d.totalUsageLimit, minimum_spend: d.minimumSpend,
    target_audience: d.targetAudience ?? [], surface: d.surface, program_type: d.programType, benchmark: forecastBenchmark(),
  }, caller);
}

const n = (x: number) => x.toLocaleString("en-US");
/** Whole currency units of the tenant's money ("$1,250", "¥1,250", "KWD 1"): minor digits per currency, not /100. */
const dollars = (minor: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(fromMinorUnits(minor, currency));

/** The forecast in one chat line that names its grounding (similar past offers or the cited rate). */
export function forecastSentence(f: ForecastResult): string {
  const basis = f.method === "history"
    ? `from ${f.basis.length} similar past offer${f.basis.length === 1 ? "" : "s"} of yours`
    : "no similar past offers, so from a published redemption rate";
  const runOut = f.budget_runs_out ? ` The budget runs out around ${spoken(f.budget_runs_out)}.` : "";
  return `Forecast: about ${n(f.expected_redemptions)} redemptions (${n(f.low_redemptions)}–${n(f.high_redemptions)}), `
    + `${dollars(f.discount_spend_cents, f.currency)} in discounts, ${basis}.${runOut}`;
}
