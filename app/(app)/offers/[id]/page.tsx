import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/core/auth/permissions";
import { toAppError } from "@/core/errors";
import { offerCodeTerms } from "@/core/offers/code-terms";
import { isUuid } from "@/core/primitives";
import { CodeManager } from "@/components/offers/CodeManager";
import { ControlsEditor } from "@/components/offers/ControlsEditor";
import { CustomerListUpload } from "@/components/offers/CustomerListUpload";
import { OfferChecks } from "@/components/offers/OfferChecks";
import { OfferEditForm } from "@/components/offers/OfferEditForm";
import { OfferManager } from "@/components/offers/OfferManager";
import { PreviewCard } from "@/components/offers/PreviewCard";
import { RedemptionsChart } from "@/components/offers/RedemptionsChart";
import { SpendChart } from "@/components/offers/SpendChart";
import { Timeline } from "@/components/offers/Timeline";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { HealthBadge } from "@/components/ui/HealthBadge";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { locationChoices } from "@/lib/ui/location-list";
import { analyticsTotals, daySeries, previewCard, spendSeries } from "@/lib/ui/offer-view";
import { requireSession } from "@/lib/ui/session";
import { callTool, tryTool } from "@/lib/ui/tools";
import { getOfferChecks } from "@/tools/offers/offer-check-tools";
import { listDiscountCodes } from "@/tools/discounts/code-tools";
import { offerAnalytics } from "@/tools/offers/analytics-tools";
import { listControls } from "@/tools/offers/control-tools";
import { listMerchants } from "@/tools/offers/merchant-tools";
import { getOfferTimeline } from "@/tools/offers/offer-review-tools";
import { getOffer } from "@/tools/offers/offer-tools";
import { previewOffer } from "@/tools/offers/preview-tools";
import { money, offerValueText } from "@/lib/ui/format";
import type { OfferSummary } from "@/lib/ui/outputs";

export const metadata = { title: "Offer · Offer Copilot" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ edit?: string; copied?: string }> };

/** Offer detail: where an offer is managed — health, checks, approvals, edits, codes, lists, charts and its timeline. */
export default async function OfferPage({ params, searchParams }: Props) {
  const session = await requireSession(`/offers/${(await params).id}`);
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  let offer: OfferSummary;
  try {
    offer = await callTool(session, getOffer, { offer_id: id });
  } catch (err) {
    // Another tenant's offer reads exactly like a missing one (CONTRACT §0).
    if (["not_found", "invalid_input"].includes(toAppError(err).code)) notFound();
    throw err;
  }
  const [preview, analytics, codes, checks, timeline, controls, merchants] = await Promise.all([
    tryTool(session, previewOffer, { offer_id: id }),
    tryTool(session, offerAnalytics, { offer_id: id }),
    tryTool(session, listDiscountCodes, { offer_id: id, limit: 100 }),
    // The checks tool types ids as strings; the panel wants the core's check-id union (kept by route until they agree).
    tryTool(session, getOfferChecks, { offer_id: id }),
    tryTool(session, getOfferTimeline, { offer_id: id }),
    tryTool(session, listControls, { offer_id: id, limit: 100 }),
    tryTool(session, listMerchants, { limit: 100 }),
  ]);
  const title = offer.short_text || "Untitled offer";
  const currency = analytics.ok ? analytics.data.currency : "USD";
  const canActivate = can(session.caller.role, "offers.activate");
  const review = timeline.ok ? timeline.data.review_state : null;
  const rejection = timeline.ok ? [...timeline.data.events].reverse().find((e) => e.action === "reject_offer") : undefined;
  const mapped = offerCodeTerms(offer);
  const codeList = codes.ok ? codes.data.promo_codes : [];

  return (
    <div className="stack">
      <p className="small"><Link href="/offers">← All offers</Link></p>
      {sp.copied && <p className="alert alert-ok" role="status" data-testid="copied">This is a copy, saved as a draft. Edit it below; its promo codes were not copied.</p>}
      <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
        <h1 data-testid="offer-title">{title} <StatusBadge status={offer.offer_status} /> {offer.health !== offer.offer_status && <HealthBadge health={offer.health} />}
          {review === "submitted" && <span className="badge warn" data-testid="review-badge">awaiting approval</span>}
          {review === "rejected" && <span className="badge bad" data-testid="review-badge">rejected</span>}
        </h1>
        <OfferManager offerId={offer.offer_id} title={title} status={offer.offer_status} canActivate={canActivate} reviewState={review}
          blocking={checks.ok ? checks.data.blocking.map((b) => b.message) : []} />
      </div>
      {review === "rejected" && rejection && (
        <p className="alert alert-error" data-testid="rejection-reason">Rejected by {rejection.actor}: {String(rejection.details.reason)}. Fix it, then submit it again.</p>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="checks-h">
          <h2 id="checks-h">Checks right now</h2>
          {checks.ok ? <OfferChecks offerId={offer.offer_id} checks={checks.data.checks} currency={currency} editable={offer.offer_status !== "expired"} />
            : <ErrorPanel title="Checks unavailable" message={checks.error.message} />}
        </section>
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">Terms</h2>
          <dl className="kv">
            {offer.objective && <><dt>Objective</dt><dd>{offer.objective}</dd></>}
            <dt>Value</dt><dd>{offerValueText(offer, currency)}</dd>
            <dt>Dates</dt><dd>{offer.start_date ?? "—"} → {offer.end_date ?? "—"}</dd>
            <dt>Budget</dt><dd>{money(offer.total_budget_cents, currency)}</dd>
            <dt>Limits</dt><dd>{offer.usage_limit_per_customer ?? "∞"} per customer, {offer.total_usage_limit ?? "∞"} in total</dd>
            <dt>Audience</dt><dd>{offer.target_audience.join(", ") || "Everyone"}</dd>
          </dl>
          <details open={!!sp.edit} style={{ marginTop: 12 }}>
            <summary data-testid="edit-toggle">Edit the offer</summary>
            <OfferEditForm offer={offer} currency={currency} />
          </details>
        </section>
        <section className="card" aria-labelledby="preview-h">
          <h2 id="preview-h">Preview on Hub / Marketplace</h2>
          {preview.ok ? <PreviewCard card={previewCard(preview.data, title, codeList.find((c) => c.status === "active")?.promo_code ?? null)} /> : <ErrorPanel title="Preview unavailable" message={preview.error.message} />}
        </section>
        <section className="card" aria-labelledby="analytics-h">
          <h2 id="analytics-h">Analytics</h2>
          {analytics.ok ? (
            <div className="stack">
              <dl className="kv">
                {analyticsTotals(analytics.data).map((t) => <div key={t.label} style={{ display: "contents" }}><dt>{t.label}</dt><dd>{t.value}</dd></div>)}
              </dl>
              <div className="grid-2">
                <SpendChart points={spendSeries(analytics.data)} budgetCents={offer.total_budget_cents} currency={currency} />
                <RedemptionsChart points={daySeries(analytics.data)} />
              </div>
            </div>
          ) : <ErrorPanel title="Analytics unavailable" message={analytics.error.message} />}
        </section>
        <section className="card" aria-labelledby="codes-h">
          <h2 id="codes-h">Promo codes</h2>
          {codes.ok ? (
            <CodeManager offerId={offer.offer_id} codes={codeList} terms={mapped.ok ? mapped.terms : null} surface={offer.promo_codes[0]?.surface ?? null} currency={currency}
              limits={{ per_customer_limit: offer.usage_limit_per_customer, minimum_order_cents: offer.minimum_spend_cents ?? null }} />
          ) : <ErrorPanel title="Codes unavailable" message={codes.error.message} />}
        </section>
        <section className="card" aria-labelledby="lists-h">
          <h2 id="lists-h">Who can redeem</h2>
          <CustomerListUpload offerId={offer.offer_id} />
          <h3 style={{ marginTop: 16 }}>Redemption controls</h3>
          {controls.ok ? <ControlsEditor offerId={offer.offer_id} controls={controls.data.redemption_controls}
            locations={merchants.ok ? locationChoices(merchants.data.merchants) : []} /> : <p className="small muted">{controls.error.message}</p>}
        </section>
        <section className="card" aria-labelledby="timeline-h">
          <h2 id="timeline-h">Timeline</h2>
          {timeline.ok ? <Timeline events={timeline.data.events} /> : <p className="muted small">Only admins and the marketer who created this offer can read its history.</p>}
        </section>
      </div>
    </div>
  );
}
