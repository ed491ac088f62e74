import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/core/auth/permissions";
import { toAppError } from "@/core/errors";
import { OfferActions } from "@/components/offers/OfferActions";
import { PreviewCard } from "@/components/offers/PreviewCard";
import { PromoCodeUsage } from "@/components/offers/PromoCodeUsage";
import { RedemptionsChart } from "@/components/offers/RedemptionsChart";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { type Analytics, analyticsTotals, daySeries, type Preview, previewCard } from "@/lib/ui/offer-view";
import { requireSession } from "@/lib/ui/session";
import { callRoute, tryRoute } from "@/lib/ui/tools";
import { money, type OfferSummary, offerValueText, type PromoCode } from "@/lib/ui/types";
import { isUuid } from "@/core/primitives";

export const metadata = { title: "Offer · Offer Copilot" };

/** Offer detail: facts, customer preview, analytics chart, code usage, and the role's actions. */
export default async function OfferPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession(`/offers/${(await params).id}`);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  let offer: OfferSummary;
  try {
    offer = await callRoute<OfferSummary>(session, "GET /dashboard/offers/{offer_id}", { offer_id: id });
  } catch (err) {
    // Another tenant's offer reads exactly like a missing one (CONTRACT §0).
    if (["not_found", "invalid_input"].includes(toAppError(err).code)) notFound();
    throw err;
  }
  const [preview, analytics, codes] = await Promise.all([
    tryRoute<Preview>(session, "GET /dashboard/offers/{offer_id}/preview", { offer_id: id }),
    tryRoute<Analytics>(session, "GET /dashboard/offers/{offer_id}/analytics", { offer_id: id }),
    tryRoute<{ promo_codes: PromoCode[] }>(session, "GET /dashboard/promo-codes", { offer_id: id, limit: 100 }),
  ]);
  const title = offer.short_text || "Untitled offer";

  return (
    <div className="stack">
      <p className="small"><Link href="/offers">← All offers</Link></p>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 data-testid="offer-title">{title} <StatusBadge status={offer.offer_status} /></h1>
        <OfferActions offerId={offer.offer_id} status={offer.offer_status} canActivate={can(session.caller.role, "offers.activate")} />
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">Terms</h2>
          <dl className="kv">
            <dt>Value</dt><dd>{offerValueText(offer)}</dd>
            <dt>Dates</dt><dd>{offer.start_date ?? "—"} → {offer.end_date ?? "—"}</dd>
            <dt>Budget</dt><dd>{money(offer.total_budget_cents)}</dd>
            <dt>Limits</dt><dd>{offer.usage_limit_per_customer ?? "∞"} per customer, {offer.total_usage_limit ?? "∞"} in total</dd>
            <dt>Audience</dt><dd>{offer.target_audience.join(", ") || "Everyone"}</dd>
            <dt>Description</dt><dd>{offer.long_text ?? "—"}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="preview-h">
          <h2 id="preview-h">Preview on Hub / Marketplace</h2>
          {preview.ok ? <PreviewCard card={previewCard(preview.data, title, offer.promo_codes.find((c) => c.status === "active")?.promo_code ?? null)} /> : <ErrorPanel title="Preview unavailable" message={preview.error.message} />}
        </section>
        <section className="card" aria-labelledby="analytics-h">
          <h2 id="analytics-h">Analytics</h2>
          {analytics.ok ? (
            <>
              <dl className="kv" style={{ marginBottom: 12 }}>
                {analyticsTotals(analytics.data).map((t) => (
                  <div key={t.label} style={{ display: "contents" }}><dt>{t.label}</dt><dd>{t.value}</dd></div>
                ))}
              </dl>
              <RedemptionsChart points={daySeries(analytics.data)} />
            </>
          ) : <ErrorPanel title="Analytics unavailable" message={analytics.error.message} />}
        </section>
        <section className="card" aria-labelledby="codes-h">
          <h2 id="codes-h">Promo codes</h2>
          {codes.ok ? <PromoCodeUsage codes={codes.data.promo_codes} /> : <ErrorPanel title="Codes unavailable" message={codes.error.message} />}
        </section>
      </div>
    </div>
  );
}
