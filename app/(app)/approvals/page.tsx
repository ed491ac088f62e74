import Link from "next/link";
import { can } from "@/core/auth/permissions";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { HealthBadge } from "@/components/ui/HealthBadge";
import { requireSession } from "@/lib/ui/session";
import { tryTool } from "@/lib/ui/tools";
import { listOfferApprovals } from "@/tools/offers/offer-review-tools";
import { money, offerValueText } from "@/lib/ui/format";

export const metadata = { title: "Approvals · Offer Copilot" };

/** The admin's approval queue: drafts submitted for approval, oldest first; each opens on its offer page. */
export default async function ApprovalsPage() {
  const session = await requireSession("/approvals");
  if (!can(session.caller.role, "offers.activate")) {
    return <section className="card"><h1>Approvals</h1><p className="muted">Only an admin approves offers. Your drafts show their review state on their own pages.</p></section>;
  }
  const queue = await tryTool(session, listOfferApprovals, { limit: 100 });
  return (
    <div className="stack">
      <h1>Approvals</h1>
      {!queue.ok ? <ErrorPanel title="The queue could not be loaded" message={queue.error.message} />
        : queue.data.offers.length === 0 ? <div className="empty" data-testid="approvals-empty">Nothing is waiting for approval.</div> : (
          <section className="card" aria-label="Waiting for approval">
            <div className="table-wrap">
              <table data-testid="approval-queue">
                <thead><tr><th>Offer</th><th>Value</th><th>Budget</th><th>Submitted</th><th>Note</th></tr></thead>
                <tbody>
                  {queue.data.offers.map((o) => (
                    <tr key={o.offer_id} data-testid="approval-row">
                      <td><Link href={`/offers/${o.offer_id}`}>{o.short_text || "Untitled offer"}</Link> <HealthBadge health={o.health} /></td>
                      <td>{offerValueText(o)}</td>
                      <td>{money(o.total_budget_cents)}</td>
                      <td className="small">{new Date(o.submitted_at).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</td>
                      <td className="small">{o.note ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
    </div>
  );
}
