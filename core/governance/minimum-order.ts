import { formatMoney } from "@/core/offers/money";
import { reason } from "./reasons";
import type { CodeFacts, GovernanceReason } from "./types";

/** The order must reach the code's minimum; the message says how much is missing, in the tenant's currency. */
export function checkMinimumOrder(code: CodeFacts, orderTotalCents: number, currency: string): GovernanceReason[] {
  const min = code.minimum_order_cents;
  if (min === null || orderTotalCents >= min) return [];
  const m = (minor: number) => formatMoney(minor, currency);
  return [reason("minimum_order", `${code.promo_code} needs an order of at least ${m(min)}; this one is ${m(orderTotalCents)} (${m(min - orderTotalCents)} short)`)];
}
