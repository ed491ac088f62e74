import { formatMoney } from "@/core/offers/money";
import { savingsText } from "@/core/offers/preview";

// Money and benefit text as the pages print them. The words are the core's: the benefit line is the
// preview's savingsText, so a list row, the offer page and the Hub/Marketplace card say the same thing.

/** Money for display: integer minor units → "$1,234.56" in the tenant currency; "—" when unknown. */
export function money(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "—";
  return formatMoney(cents, currency);
}

/** "20% off" / "$10 off" / "Free shipping" from an offer's terms, for lists where no preview is loaded. */
export function offerValueText(
  o: { offer_value: number | null; max_discount_unit: string | null; offer_type: string },
  currency = "USD",
): string {
  const facts = { savings_amount: null, savings_type: null, offer_type: o.offer_type, offer_value: o.offer_value, max_discount_unit: o.max_discount_unit, currency };
  return savingsText(facts) ?? o.offer_type.replace(/_/g, " ");
}
