import Link from "next/link";
import { HealthBadge } from "@/components/ui/HealthBadge";
import { money } from "@/lib/ui/format";
import type { OfferSummary } from "@/lib/ui/outputs";

type Budget = { cap_cents: number; spent_cents: number; headroom_cents: number } | null;

/** Headroom committed by live offers' budgets next to what is spent, and every live offer that cannot redeem now. */
export function LiveOffersHealth({ offers, budget, currency = "USD" }: { offers: OfferSummary[]; budget: Budget; currency?: string }) {
  const committed = offers.reduce((s, o) => s + (o.total_budget_cents ?? 0), 0);
  const stuck = offers.filter((o) => o.health && o.health !== "live");
  return (
    <div className="stack" data-testid="live-offers-health">
      <dl className="kv">
        <dt>Live offers</dt><dd>{offers.length}</dd>
        <dt>Committed by their budgets</dt><dd data-testid="committed-budget">{money(committed, currency)}</dd>
        {budget && <><dt>Spent this period</dt><dd>{money(budget.spent_cents, currency)} of {money(budget.cap_cents, currency)}</dd></>}
        {budget && <><dt>Headroom after commitments</dt><dd>{money(budget.headroom_cents - committed, currency)}</dd></>}
      </dl>
      {stuck.length === 0 ? <p className="small muted">Every active offer can redeem right now.</p> : (
        <ul className="small" style={{ margin: 0, paddingLeft: 18 }}>
          {stuck.map((o) => <li key={o.offer_id}><Link href={`/offers/${o.offer_id}`}>{o.short_text ?? "Untitled offer"}</Link> <HealthBadge health={o.health} /></li>)}
        </ul>
      )}
    </div>
  );
}
