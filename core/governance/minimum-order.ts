import { cents, reason } from "./reasons";
import type { CodeFacts, GovernanceReason } from "./types";

/** The order must reach the code's minimum; the message says how much is missing. */
export function checkMinimumOrder(code: CodeFacts, orderTotalCents: number): GovernanceReason[] {
  const min = code.minimum_order_cents;
  if (min === null || orderTotalCents >= min) return [];
  return [reason("minimum_order", `${code.promo_code} needs an order of at least ${cents(min)}; this one is ${cents(orderTotalCents)} (${cents(min - orderTotalCents)} short)`)];
}
