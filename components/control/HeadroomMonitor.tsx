import type { BudgetView } from "@/lib/ui/control-view";
import { type Budget, money } from "@/lib/ui/types";

const COLOR_WORD = { green: "Healthy", amber: "Watch", red: "Critical" } as const;

/** The tenant budget as a traffic-light bar, with burn rate and when it runs out at that rate. */
export function HeadroomMonitor({ budget, view }: { budget: Budget; view: BudgetView }) {
  return (
    <div className="stack" data-testid="headroom">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className={`light ${view.color}`}>{COLOR_WORD[view.color]}</span>
        <span className="small muted">{budget.period} budget from {budget.period_start.slice(0, 10)}{view.periodEnd ? ` to ${view.periodEnd}` : ""}</span>
      </div>
      <div className={`bar ${view.color}`} role="meter" aria-label="Budget spent" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(view.usedPct)}>
        <span style={{ width: `${Math.max(view.usedPct, 0.5)}%` }} />
      </div>
      <dl className="kv">
        <dt>Spent</dt><dd>{money(budget.spent_cents)} of {money(budget.cap_cents)} ({view.usedPct.toFixed(1)}%)</dd>
        <dt>Headroom</dt><dd>{money(budget.headroom_cents)}</dd>
        <dt>Burn rate</dt><dd>{money(view.burnPerDayCents)} / day</dd>
        <dt>Projected exhaustion</dt><dd>{view.projectedExhaustion ?? (view.burnPerDayCents > 0 ? "Not within this period" : "No spend yet")}</dd>
      </dl>
    </div>
  );
}
