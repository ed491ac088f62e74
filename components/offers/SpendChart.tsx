"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/core/offers/money";

export type SpendPoint = { day: string; spent: number };

/** Cumulative discount spend against the offer's budget (currency minor units in, money on the axis). */
export function SpendChart({ points, budgetCents, currency }: { points: SpendPoint[]; budgetCents: number | null; currency: string }) {
  if (points.length === 0) return <div className="empty">No spend yet{budgetCents !== null ? ` (budget ${formatMoney(budgetCents, currency)})` : ""}.</div>;
  const last = points[points.length - 1].spent;
  return (
    <figure style={{ margin: 0 }} data-testid="spend-chart">
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
            <YAxis fontSize={12} tickFormatter={(v: number) => formatMoney(v, currency)} width={80} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Line type="stepAfter" dataKey="spent" stroke="#2a5bd7" dot={false} />
            {budgetCents !== null && <ReferenceLine y={budgetCents} stroke="#b42318" strokeDasharray="4 4" label={{ value: "Budget", fontSize: 12 }} />}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        Spent {formatMoney(last, currency)}{budgetCents !== null ? ` of ${formatMoney(budgetCents, currency)} budget` : " (no offer budget)"}
      </figcaption>
      <table className="sr-only"><caption>Spend by day</caption><tbody>{points.map((p) => <tr key={p.day}><th scope="row">{p.day}</th><td>{formatMoney(p.spent, currency)}</td></tr>)}</tbody></table>
    </figure>
  );
}
