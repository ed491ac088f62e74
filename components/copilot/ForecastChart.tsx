"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ForecastResult } from "@/tools/copilot/forecast-schemas";
import { money } from "@/lib/ui/format";

type Props = { forecast: ForecastResult | null; budgetCents: number | null };

/** The draft's forecast budget burn (expected spend with its low/high band); the table repeats it for screen readers. */
export function ForecastChart({ forecast, budgetCents }: Props) {
  if (!forecast) return null;
  const cur = forecast.currency;
  const points = forecast.curve.map((c) => ({
    day: c.date, expected: c.spend_cents / 100, low: c.low_cents / 100, high: c.high_cents / 100,
  }));
  const count = (x: number) => x.toLocaleString("en-US");
  return (
    <section className="card stack" aria-labelledby="forecast-h" data-testid="forecast">
      <h2 id="forecast-h">Forecast</h2>
      <p className="small" data-testid="forecast-summary">
        About {count(forecast.expected_redemptions)} redemptions ({count(forecast.low_redemptions)}–
        {count(forecast.high_redemptions)}), {money(forecast.discount_spend_cents, cur)} in discounts.{" "}
        {forecast.budget_runs_out
          ? `The budget runs out around ${shortDate(forecast.budget_runs_out)}.` : "The budget lasts the whole run."}
      </p>
      <figure style={{ margin: 0 }}>
        <div className="chart-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
              <YAxis fontSize={12} />
              <Tooltip />
              <Line dataKey="high" stroke="#9bb3ee" strokeDasharray="4 4" dot={false} />
              <Line dataKey="expected" stroke="#2a5bd7" strokeWidth={2} dot={false} />
              <Line dataKey="low" stroke="#9bb3ee" strokeDasharray="4 4" dot={false} />
              {budgetCents !== null && <ReferenceLine y={budgetCents / 100} stroke="#c0392b" label="budget" />}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="muted small">Discount spend to date, expected with low/high band. {forecast.note}</figcaption>
        <table className="sr-only">
          <caption>Forecast discount spend by day</caption>
          <tbody>{forecast.curve.map((c) => (
            <tr key={c.date}>
              <th scope="row">{c.date}</th><td>{money(c.spend_cents, cur)}</td>
              <td>{money(c.low_cents, cur)}–{money(c.high_cents, cur)}</td>
            </tr>
          ))}</tbody>
        </table>
      </figure>
    </section>
  );
}

/** "Dec 8, 2026": dates as a marketer reads them, never ISO. */
function shortDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}
