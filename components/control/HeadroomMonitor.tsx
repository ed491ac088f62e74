import type { Budget, BudgetView } from "@/lib/ui/control-view";
import { money } from "@/lib/ui/format";

const COLOR_WORD = { green: "Healthy", amber: "Watch", red: "Critical" } as const;

/** The traffic light's word, so colour is never the only signal (tenant and platform views share it). */
export function BudgetLight({ view }: { view: BudgetView }) {
  return <span className={`light ${view.color}`}>{COLOR_WORD[view.color]}</span>;
}

/** The green/amber/red bar of spent vs cap, as a meter assistive tech can read. */
export function BudgetBar({ view, label = "Budget spent" }: { view: BudgetView; label?: string }) {
  return (
    <div className={`bar ${view.color}`} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(view.usedPct)}>
      <span style={{ width: `${Math.max(view.usedPct, 0.5)}%` }} />
    </div>
  );
}

/** "2026-12-09", or why there is no date: the burn rate never reaches the cap this period, or nothing is spent. */
export function exhaustionText(view: BudgetView): string {
  return view.projectedExhaustion ?? (view.burnPerDayCents > 0 ? "Not within this period" : "No spend yet");
}

/** The tenant budget as a traffic-light bar, with burn rate and when it runs out at that rate. */
export function HeadroomMonitor({ budget, view }: { budget: Budget; view: BudgetView }) {
  return (
    <div className="stack" data-testid="headroom">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <BudgetLight view={view} />
        <span className="small muted">{budget.period} budget from {budget.period_start.slice(0, 10)}{view.periodEnd ? ` to ${view.periodEnd}` : ""}</span>
      </div>
      <BudgetBar view={view} />
      <dl className="kv">
        <dt>Spent</dt><dd>{money(budget.spent_cents)} of {money(budget.cap_cents)} ({view.usedPct.toFixed(1)}%)</dd>
        <dt>Headroom</dt><dd>{money(budget.headroom_cents)}</dd>
        <dt>Burn rate</dt><dd>{money(view.burnPerDayCents)} / day</dd>
        <dt>Projected exhaustion</dt><dd>{exhaustionText(view)}</dd>
      </dl>
    </div>
  );
}
