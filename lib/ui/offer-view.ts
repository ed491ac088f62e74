import type { z } from "zod";
import type { AnalyticsOutput } from "@/tools/offers/analytics-tools";
import type { PreviewOutput } from "@/tools/offers/preview-tools";
import { money } from "./format";

// Reads the analytics and preview tool outputs (tools/offers) into what the offer page draws.

/** One bar of the redemptions chart (why here: lib/ui shapes the data, components only draw it). */
export type DayPoint = { day: string; redemptions: number };

/** What the analytics tool answers (its z.output; the offer id is not needed to draw it). */
export type Analytics = Omit<z.output<typeof AnalyticsOutput>, "offer_id">;

/** The redemptions-by-day series, oldest first. */
export function daySeries(a: Analytics): DayPoint[] {
  return [...a.redemptions_by_day].sort((x, y) => x.date.localeCompare(y.date)).map((p) => ({ day: p.date, redemptions: p.count }));
}

/** Cumulative discount spend by day, oldest first (minor units), for the spend-against-budget chart. */
export function spendSeries(a: Analytics): { day: string; spent: number }[] {
  let total = 0;
  return [...a.redemptions_by_day].sort((x, y) => x.date.localeCompare(y.date)).map((p) => ({ day: p.date, spent: (total += p.discount_cents) }));
}

/** Headline numbers with their labels, formatted in the tenant's currency. */
export function analyticsTotals(a: Analytics): { label: string; value: string }[] {
  return [
    { label: "Redemptions", value: a.total_redemptions.toLocaleString("en-US") },
    { label: "Unique customers", value: a.unique_users.toLocaleString("en-US") },
    { label: "Revenue", value: money(a.revenue_generated, a.currency) },
    { label: "Discount given", value: money(a.discount_cents, a.currency) },
    { label: "Conversion", value: a.conversion_rate === null ? "— (open offer)" : `${(a.conversion_rate * 100).toFixed(1)}%` },
    { label: "Voided", value: String(a.voided_redemptions) },
  ];
}

/** The preview tool's answer, in the fields the card draws. */
export type Preview = Pick<
  z.output<typeof PreviewOutput>,
  "merchant_name" | "title" | "description" | "savings_text" | "terms" | "image_url" | "validity_text" | "warnings"
>;
export type PreviewCard = { title: string; savings: string | null; validity: string | null; description: string | null; terms: string | null; merchant: string | null; code: string | null; warnings: string[] };

/** The card as Hub/Marketplace render it; the code shown is the offer's first active promo code. */
export function previewCard(p: Preview, fallbackTitle: string, code: string | null): PreviewCard {
  return {
    title: p.title ?? fallbackTitle, savings: p.savings_text, validity: p.validity_text, description: p.description,
    terms: p.terms, merchant: p.merchant_name, code, warnings: p.warnings,
  };
}
