import type { PromoCode } from "@/lib/ui/outputs";

/** Each code's redemptions against its total limit, as a meter plus the numbers in words. */
export function PromoCodeUsage({ codes }: { codes: PromoCode[] }) {
  if (codes.length === 0) return <div className="empty">This offer has no promo codes.</div>;
  return (
    <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {codes.map((c) => {
        const pct = c.usage_limit ? Math.min(100, (c.redemption_count / c.usage_limit) * 100) : 0;
        return (
          <li key={c.code_id} className="stack" data-testid="promo-code">
            <div className="row">
              <span className="code-chip">{c.promo_code}</span>
              <span className="small muted">{c.surface} · {c.discount_type === "percentage" ? `${c.value}%` : `$${(c.value / 100).toFixed(2)}`} · {c.status}</span>
            </div>
            <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={c.usage_limit ?? undefined} aria-valuenow={c.redemption_count} aria-label={`${c.promo_code} usage`}>
              <span style={{ width: `${pct}%` }} />
            </div>
            <span className="small">
              {c.redemption_count} used of {c.usage_limit ?? "unlimited"}{c.per_customer_limit ? ` · max ${c.per_customer_limit} per customer` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
