import { z } from "zod";
import { IsoDate } from "@/core/primitives";

// The forecast_draft tool's input and output (tools/copilot/forecast-tool.ts), apart from its database
// code so the agent state and the draft panel can name the shape without loading it.

/** What the agent passes: the draft's facts and the cited benchmark rate for the no-history case. */
export const ForecastInput = z.object({
  offer_type: z.string().max(64),
  offer_value: z.number().nonnegative().nullable().describe("Percent when unit is %, currency units when $"),
  unit: z.enum(["%", "$"]).nullable(),
  start_date: IsoDate,
  end_date: IsoDate,
  total_budget: z.number().nonnegative().nullable().describe("Currency units"),
  total_usage_limit: z.number().int().positive().nullable(),
  minimum_spend: z.number().nonnegative().nullable().describe("Currency units"),
  target_audience: z.array(z.string().max(100)).max(20),
  surface: z.string().max(64).nullable(),
  program_type: z.string().max(64).nullable(),
  benchmark: z.object({ rate: z.number().min(0).max(1), label: z.string().max(200) }).describe("Cited rate for no history"),
}).strict();

/** The forecast as the draft panel, MCP and the CLI show it (money in minor units). */
export const ForecastOutput = z.object({
  currency: z.string(),
  method: z.enum(["history", "benchmark"]),
  history_offers: z.number().int().describe("Ended offers read; basis = the similar ones used"),
  basis: z.array(z.string()),
  expected_redemptions: z.number().int(),
  low_redemptions: z.number().int(),
  high_redemptions: z.number().int(),
  discount_spend_cents: z.number().int(),
  discount_per_redemption_cents: z.number().int(),
  budget_runs_out: z.string().nullable(),
  curve: z.array(z.object({
    date: z.string(), redemptions: z.number().int(), spend_cents: z.number().int(),
    low_cents: z.number().int(), high_cents: z.number().int(),
  })),
  note: z.string(),
});
/** The forecast's parsed shape (why: state, panel and plan outcome name one type). */
export type ForecastResult = z.output<typeof ForecastOutput>;
