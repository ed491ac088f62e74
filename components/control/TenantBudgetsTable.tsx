import Link from "next/link";
import { budgetView } from "@/lib/ui/control-view";
import { money } from "@/lib/ui/format";
import type { TenantBudget, TenantBudgetList } from "@/tools/ui/tenant-budgets";
import { BudgetBar, BudgetLight, exhaustionText } from "./HeadroomMonitor";

/** A row's budget in the shape budgetView reads, or null when the tenant has not set one. */
function budgetOf(r: TenantBudget) {
  if (r.cap_cents === null || r.period === null || r.period_start === null) return null;
  return { cap_cents: r.cap_cents, spent_cents: r.spent_cents ?? 0, headroom_cents: r.headroom_cents ?? 0, period: r.period, period_start: r.period_start };
}

/** The platform operator's Headroom Monitor: one traffic-light bar per tenant, same view as the tenant's own. */
export function TenantBudgetsTable({ data, now, pageHref }: { data: TenantBudgetList; now: Date; pageHref: (offset: number) => string }) {
  const { tenant_budgets: rows, total_count, limit, offset } = data;
  if (rows.length === 0) return <div className="empty">No tenants yet.</div>;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="tenant-budgets">
          <thead>
            <tr><th>Tenant</th><th>Spent of cap</th><th>Headroom</th><th>Burn rate</th><th>Projected exhaustion</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const budget = budgetOf(r);
              if (!budget) {
                return (
                  <tr key={r.tenant_id} data-testid="tenant-budget-row" data-tenant={r.name}>
                    <td><strong>{r.name}</strong></td>
                    <td colSpan={4}><span className="badge bad">No budget set</span> <span className="small muted">Redemptions are refused until the tenant&apos;s admin sets one.</span></td>
                  </tr>
                );
              }
              const view = budgetView(budget, now);
              return (
                <tr key={r.tenant_id} data-testid="tenant-budget-row" data-tenant={r.name} data-color={view.color}>
                  <td><strong>{r.name}</strong><br /><span className="small muted">{budget.period} from {budget.period_start.slice(0, 10)}</span></td>
                  <td style={{ minWidth: 180 }}>
                    <div className="row" style={{ justifyContent: "space-between" }}>
                      <BudgetLight view={view} /><span className="small">{view.usedPct.toFixed(1)}%</span>
                    </div>
                    <BudgetBar view={view} label={`${r.name} budget spent`} />
                    <span className="small">{money(budget.spent_cents, r.currency)} of {money(budget.cap_cents, r.currency)}</span>
                  </td>
                  <td>{money(budget.headroom_cents, r.currency)}</td>
                  <td>{money(view.burnPerDayCents, r.currency)} / day</td>
                  <td>{exhaustionText(view)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pagination">
        <span className="muted small">{offset + 1}–{offset + rows.length} of {total_count}</span>
        {offset > 0 ? <Link className="btn btn-small" href={pageHref(Math.max(0, offset - limit))}>Previous</Link> : null}
        {offset + limit < total_count ? <Link className="btn btn-small" href={pageHref(offset + limit)}>Next</Link> : null}
      </nav>
    </>
  );
}
