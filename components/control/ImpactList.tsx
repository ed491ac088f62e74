import Link from "next/link";
import { HEALTH_WORDS } from "@/lib/ui/offer-fix";
import type { Impact } from "@/lib/ui/impact-actions";

/** The live offers a pending change would block, named before the admin confirms it. */
export function ImpactList({ impact }: { impact: Impact | null }) {
  if (!impact) return <span className="small muted">Checking which live offers this affects…</span>;
  if (!impact.ok) return <span className="small">Impact unknown: {impact.message}</span>;
  if (impact.offers.length === 0) return <span className="small" data-testid="impact-none">No live offer is blocked by this change.</span>;
  return (
    <div className="small" data-testid="impact-list">
      <strong>This blocks {impact.offers.length} live offer{impact.offers.length === 1 ? "" : "s"}:</strong>
      <ul style={{ margin: "4px 0 0 18px", padding: 0 }}>
        {impact.offers.map((o) => (
          <li key={o.offer_id}><Link href={`/offers/${o.offer_id}`}>{o.title ?? "Untitled offer"}</Link> — will show &quot;{HEALTH_WORDS[o.health_after] ?? o.health_after}&quot;</li>
        ))}
      </ul>
    </div>
  );
}
