import type { BudgetPeriod } from "./types";

// Budget periods are calendar periods in UTC; "total" never resets.

/** The start date of an all-time budget, used as its period key. */
export const TOTAL_PERIOD_START = "1970-01-01";

/** First day (YYYY-MM-DD, UTC) of the period containing `now`: the key spend is counted under. */
export function budgetPeriodStart(period: BudgetPeriod, now: Date): string {
  if (period === "total") return TOTAL_PERIOD_START;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const startMonth = period === "quarter" ? m - (m % 3) : m;
  return `${String(y).padStart(4, "0")}-${String(startMonth + 1).padStart(2, "0")}-01`;
}

/** The first day after the period that starts at `start` (null for "total", which never ends): a window's end. */
export function budgetPeriodEnd(period: BudgetPeriod, start: string): string | null {
  if (period === "total") return null;
  const [y, m] = start.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1 + (period === "quarter" ? 3 : 1), 1));
  return next.toISOString().slice(0, 10);
}
