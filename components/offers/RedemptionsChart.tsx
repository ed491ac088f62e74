"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayPoint } from "@/lib/ui/offer-view";

/** Redemptions per day; the table under it carries the same numbers for screen readers. */
export function RedemptionsChart({ points }: { points: DayPoint[] }) {
  if (points.length === 0) return <div className="empty">No redemptions yet.</div>;
  return (
    <figure style={{ margin: 0 }}>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="redemptions" fill="#2a5bd7" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">Redemptions by day ({points.reduce((s, p) => s + p.redemptions, 0)} in total)</figcaption>
      <table className="sr-only">
        <caption>Redemptions by day</caption>
        <tbody>{points.map((p) => <tr key={p.day}><th scope="row">{p.day}</th><td>{p.redemptions}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
