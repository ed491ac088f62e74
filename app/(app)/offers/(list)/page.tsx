import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { HealthBadge } from "@/components/ui/HealthBadge";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { requireSession } from "@/lib/ui/session";
import { tryTool } from "@/lib/ui/tools";
import { OFFER_STATUSES } from "@/core/offers/lifecycle";
import { listOffers } from "@/tools/offers/offer-tools";
import { offerValueText } from "@/lib/ui/format";

export const metadata = { title: "Offers · Offer Copilot" };
const PAGE = 20;
const STATUSES = OFFER_STATUSES;

type Props = { searchParams: Promise<{ q?: string; status?: string; offset?: string }> };

/** Offer list: the API's filters (search, status) and pagination, as links so every state has a URL. */
export default async function OffersPage({ searchParams }: Props) {
  const session = await requireSession("/offers");
  const sp = await searchParams;
  const q = sp.q?.trim() ?? "";
  const status = STATUSES.find((s) => s === sp.status) ?? "";
  const offset = Math.max(0, Number(sp.offset) || 0);
  const result = await tryTool(session, listOffers, {
    limit: PAGE, offset, ...(q ? { short_text: q } : {}), ...(status ? { offer_status: status } : {}),
  });
  const pageHref = (o: number) => `/offers?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), offset: String(o) })}`;

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Offers</h1>
        <Link className="btn btn-primary" href="/">New offer with the copilot</Link>
      </div>
      <form className="card filters" role="search" action="/offers">
        <div className="field">
          <label htmlFor="q">Search title or description</label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="e.g. dealers" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <button type="submit" className="btn">Apply</button>
      </form>

      {!result.ok ? (
        <ErrorPanel title="Offers could not be loaded" message={result.error.message} />
      ) : result.data.offers.length === 0 ? (
        <div className="empty">{q || status ? "No offers match these filters." : "No offers yet — describe one to the copilot."}</div>
      ) : (
        <section className="card" aria-label="Offer list">
          <div className="table-wrap">
            <table>
              <thead><tr><th>Offer</th><th>Status · can redeem now?</th><th>Value</th><th>Codes</th><th>Dates</th></tr></thead>
              <tbody>
                {result.data.offers.map((o) => (
                  <tr key={o.offer_id} data-testid="offer-row">
                    <td><Link href={`/offers/${o.offer_id}`}>{o.short_text || "Untitled offer"}</Link></td>
                    <td><StatusBadge status={o.offer_status} /> {o.health !== o.offer_status && <HealthBadge health={o.health} />}</td>
                    <td>{offerValueText(o)}</td>
                    <td>{o.promo_codes.map((c) => <span key={c.code_id} className="code-chip">{c.promo_code}</span>)}</td>
                    <td className="small">{o.start_date ?? "—"} → {o.end_date ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pagination">
            <span className="muted small">{offset + 1}–{offset + result.data.offers.length} of {result.data.total_count}</span>
            {offset > 0 ? <Link className="btn btn-small" href={pageHref(Math.max(0, offset - PAGE))}>Previous</Link> : null}
            {offset + PAGE < result.data.total_count ? <Link className="btn btn-small" href={pageHref(offset + PAGE)}>Next</Link> : null}
          </nav>
        </section>
      )}
    </div>
  );
}
