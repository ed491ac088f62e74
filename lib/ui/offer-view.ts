import { money } from "./types";

// Reads the analytics and preview tool outputs (tools/offers) into what the offer page draws.

/** One bar of the redemptions chart (why here: lib/ui shapes the data, components only draw it). */
export type DayPoint = { day: string; redemptions: number };

export type Analytics = {
  currency: string; total_redemptions: number; unique_users: number; revenue_generated: number; discount_cents: number;
  conversion_rate: number | null; audience_size: number | null; voided_redemptions: number;
  redemptions_by_day: { date: string; count: number; discount_cents: number }[];
};

/** The redemptions-by-day series, oldest first. */
export function daySeries(a: Analytics): DayPoint[] {
  return [...a.redemptions_by_day].sort((x, y) => x.date.localeCompare(y.date)).map((p) => ({ day: p.date, redemptions: p.count }));
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

export type Preview = {
  merchant_name: string | null; title: string | null; description: string | null; savings_text: string | null;
  terms: string | null; image_url: string | null; validity_text: string; warnings: string[];
};
export type PreviewCard = { title: string; savings: string | null; validity: string | null; description: string | null; terms: string | null; merchant: string | null; code: string | null; warnings: string[] };

/** The card as Hub/Marketplace render it; the code shown is the offer's first active promo code. */
export function previewCard(p: Preview, fallbackTitle: string, code: string | null): PreviewCard {
  return {
    title: p.title ?? fallbackTitle, savings: p.savings_text, validity: p.validity_text, description: p.description,
    terms: p.terms, merchant: p.merchant_name, code, warnings: p.warnings,
  };
}
