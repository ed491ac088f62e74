import type { PreviewCard as Card } from "@/lib/ui/offer-view";

/** The offer as a customer sees it on Hub/Marketplace: savings first, then title, validity and code. */
export function PreviewCard({ card }: { card: Card }) {
  return (
    <article className="preview-card" aria-label="Customer preview" data-testid="preview-card">
      <div className="preview-hero">
        {card.merchant && <div className="small">{card.merchant}</div>}
        <div className="big">{card.savings ?? "Special offer"}</div>
      </div>
      <div className="preview-body">
        <strong>{card.title}</strong>
        {card.description && <span className="small">{card.description}</span>}
        {card.validity && <span className="small muted">{card.validity}</span>}
        {card.code && <span>Use code <span className="code-chip">{card.code}</span></span>}
        {card.terms && <details className="small"><summary>Terms</summary>{card.terms}</details>}
      </div>
      {card.warnings.length > 0 && (
        <ul className="small alert alert-warn" aria-label="Preview warnings" style={{ margin: 0, borderRadius: 0, paddingLeft: 28 }}>
          {card.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
    </article>
  );
}
