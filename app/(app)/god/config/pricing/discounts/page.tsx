import { can } from "@/core/auth/permissions";
import { DecisionsByReason } from "@/components/control/DecisionsByReason";
import { HeadroomMonitor } from "@/components/control/HeadroomMonitor";
import { LiveOffersHealth } from "@/components/control/LiveOffersHealth";
import { KpiGovernor } from "@/components/control/KpiGovernor";
import { PolicyEditor } from "@/components/control/PolicyEditor";
import { TenantBudgetsTable } from "@/components/control/TenantBudgetsTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { budgetView, kpiStatuses } from "@/lib/ui/control-view";
import { requireSession, type Session } from "@/lib/ui/session";
import { tryTool } from "@/lib/ui/tools";
import { listOffers } from "@/tools/offers/offer-tools";
import { getBudgetHeadroom } from "@/tools/discounts/budget-tools";
import { listKpiSnapshots } from "@/tools/discounts/kpi-tools";
import { listDiscountPolicies } from "@/tools/discounts/policy-tools";
import { listGovernanceDecisions } from "@/tools/ui/governance-decisions";
import { listTenantBudgets } from "@/tools/ui/tenant-budgets";
import { getAppDeps } from "@/server/deps";

export const metadata = { title: "Discount control room · Offer Copilot" };

const PAGE = 20;

/** The platform operator's view: the Headroom Monitor for every tenant (the platform key has no tenant of its own). */
async function PlatformControlRoom({ session, offset }: { session: Session; offset: number }) {
  const budgets = await tryTool(session, listTenantBudgets, { limit: PAGE, offset });
  const now = (await getAppDeps()).now();
  return (
    <div className="stack">
      <h1>Discount control room</h1>
      <section className="card stack" aria-labelledby="tenants-budget-h">
        <h2 id="tenants-budget-h">Headroom Monitor — all tenants</h2>
        <p className="small muted">Each tenant&apos;s budget for its current period: green below 70% spent, amber from 70%, red from 90% or when nothing is left. Policy and KPIs are steered by each tenant&apos;s admin.</p>
        {budgets.ok
          ? <TenantBudgetsTable data={budgets.data} now={now} pageHref={(o) => (o > 0 ? `?offset=${o}` : "?")} />
          : <ErrorPanel title="Tenant budgets could not be loaded" message={budgets.error.message} />}
      </section>
    </div>
  );
}

/** The control room: policy ranges, KPI floors, budget headroom and recent governance decisions. */
export default async function DiscountControlRoom({ searchParams }: { searchParams: Promise<{ offset?: string }> }) {
  const session = await requireSession("/god/config/pricing/discounts");
  if (!session.caller.tenantId) {
    const offset = Math.max(0, Math.floor(Number((await searchParams).offset) || 0));
    return <PlatformControlRoom session={session} offset={offset} />;
  }
  const role = session.caller.role;
  const [policies, budget, snapshots, decisions] = await Promise.all([
    tryTool(session, listDiscountPolicies, { limit: 100 }),
    tryTool(session, getBudgetHeadroom, {}),
    tryTool(session, listKpiSnapshots, { limit: 100 }),
    can(role, "audit.read") ? tryTool(session, listGovernanceDecisions, { since_days: 30 }) : Promise.resolve(null),
  ]);
  const now = (await getAppDeps()).now();
  const canEdit = can(role, "policy.write");
  const live = await tryTool(session, listOffers, { offer_status: "active", limit: 100 });

  return (
    <div className="stack">
      <h1>Discount control room</h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="policy-h">
          <h2 id="policy-h">Policy Editor</h2>
          {policies.ok ? <PolicyEditor policies={policies.data.policies} canEdit={canEdit} /> : <ErrorPanel title="Policies could not be loaded" message={policies.error.message} />}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="kpi-h">
            <h2 id="kpi-h">KPI Governor</h2>
            {policies.ok && snapshots.ok ? (
              <KpiGovernor statuses={kpiStatuses(policies.data.policies, snapshots.data.kpi_snapshots, now)} canEdit={canEdit} />
            ) : <ErrorPanel title="KPIs could not be loaded" message={(!snapshots.ok ? snapshots.error : !policies.ok ? policies.error : { message: "" }).message} />}
          </section>
          <section className="card" aria-labelledby="budget-h">
            <h2 id="budget-h">Headroom Monitor</h2>
            {budget.ok ? <HeadroomMonitor budget={budget.data} view={budgetView(budget.data, now)} /> : <ErrorPanel title="Budget could not be loaded" message={budget.error.message} />}
          </section>
          <section className="card" aria-labelledby="live-h">
            <h2 id="live-h">Live offers — can they redeem now?</h2>
            {live.ok ? <LiveOffersHealth offers={live.data.offers} budget={budget.ok ? budget.data : null} /> : <p className="muted small">{live.error.message}</p>}
          </section>
          <section className="card" aria-labelledby="decisions-h">
            <h2 id="decisions-h">Recent governance decisions</h2>
            {decisions === null ? <p className="muted">Only admins can read the audit log.</p>
              : decisions.ok ? <DecisionsByReason data={decisions.data} />
              : <ErrorPanel title="Decisions could not be loaded" message={decisions.error.message} />}
          </section>
        </div>
      </div>
    </div>
  );
}
