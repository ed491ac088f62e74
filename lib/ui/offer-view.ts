import type { DayPoint } from "@/components/offers/RedemptionsChart";

// Reads the analytics and preview tool outputs into what the detail page draws, tolerating the
// field spellings the Offer Manager document allows (days/by_day, count/redemptions).

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

/** The redemptions-by-day series from the analytics output, oldest first. */
export function daySeries(analytics: unknown): DayPoint[] {
  if (!isRec(analytics)) return [];
  const arr = ["redemptions_by_day", "by_day", "daily", "days", "series"].map((k) => analytics[k]).find(Array.isArray) as unknown[] | undefined;
  if (!arr) return [];
  return arr.filter(isRec).map((p) => ({
    day: String(p.day ?? p.date ?? p.bucket ?? "").slice(0, 10),
    redemptions: Number(p.redemptions ?? p.count ?? p.redemption_count ?? 0),
  })).filter((p) => p.day).sort((a, b) => a.day.localeCompare(b.day));
}

/** Headline numbers of the analytics output that are plain numbers (totals, discount given…). */
export function analyticsTotals(analytics: unknown): { label: string; value: number; cents: boolean }[] {
  if (!isRec(analytics)) return [];
  return Object.entries(analytics)
    .filter(([k, v]) => typeof v === "number" && !k.endsWith("_id"))
    .map(([k, v]) => ({ label: k.replace(/_cents$/, "").replace(/_/g, " "), value: v as number, cents: k.endsWith("_cents") }));
}

export type PreviewCard = { title: string; savings: string | null; validity: string | null; description: string | null; terms: string | null; merchant: string | null; code: string | null; image: string | null };

/** The card as Hub/Marketplace render it, from the preview output (nested under "preview" or flat). */
export function previewCard(preview: unknown, fallbackTitle: string): PreviewCard {
  const p = isRec(preview) && isRec(preview.preview) ? preview.preview : isRec(preview) ? preview : {};
  const s = (...keys: string[]) => {
    for (const k of keys) if (typeof p[k] === "string" && p[k]) return p[k] as string;
    return null;
  };
  return {
    title: s("title", "short_text", "headline") ?? fallbackTitle,
    savings: s("savings_text", "savings", "badge"),
    validity: s("validity_text", "validity", "valid_text"),
    description: s("description", "long_text", "body"),
    terms: s("terms", "terms_conditions"),
    merchant: s("merchant_name", "merchant"),
    code: s("promo_code", "code"),
    image: s("image_url", "image"),
  };
}
