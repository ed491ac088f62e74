import { formatMoney } from "@/core/offers/money";

// The shapes the pages read from tool outputs (CONTRACT field names); only the fields the UI shows.

export type OfferSummary = {
  offer_id: string;
  offer_status: string;
  offer_type: string;
  offer_value: number | null;
  max_discount_unit: string | null;
  short_text: string | null;
  long_text: string | null;
  terms_conditions: string | null;
  start_date: string | null;
  end_date: string | null;
  total_budget_cents: number | null;
  minimum_spend_cents?: number | null;
  /** Whether it can redeem right now (CONTRACT §9). */
  health?: string;
  usage_limit_per_customer: number | null;
  total_usage_limit: number | null;
  target_audience: string[];
  promo_codes: { code_id: string; promo_code: string; surface: string; status: string }[];
  created_at: string;
};
export type OfferList = { offers: OfferSummary[]; total_count: number; limit: number; offset: number };

export type PromoCode = {
  code_id: string; promo_code: string; surface: string; discount_type: string; value: number;
  usage_limit: number | null; per_customer_limit: number | null; redemption_count: number; status: string;
  starts_at: string | null; expires_at: string | null;
};

export type Redemption = { redemption_id?: string; created_at: string; discount_cents: number; kind?: string; entry_type?: string; [k: string]: unknown };

/** Money for display: integer cents → "$1,234.56" in the tenant currency. */
export function money(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "—";
  return formatMoney(cents, currency);
}

/** "20% off" / "$10.00 off" from an offer's terms (amounts in the tenant currency), for lists where no preview is loaded. */
export function offerValueText(o: Pick<OfferSummary, "offer_value" | "max_discount_unit" | "offer_type">, currency = "USD"): string {
  if (o.offer_type === "free_shipping") return "Free shipping";
  if (o.offer_value === null) return o.offer_type.replace(/_/g, " ");
  const amount = new Intl.NumberFormat("en-US", { style: "currency", currency }).format(o.offer_value);
  return o.max_discount_unit === "$" || (o.offer_type === "fixed_discount" && o.max_discount_unit !== "%") ? `${amount} off` : `${o.offer_value}% off`;
}
