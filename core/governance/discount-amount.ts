import type { CodeTerms } from "./types";

/**
 * Cents off an order: a percentage is taken of the order and rounded down (never a cent more than
 * promised), a fixed amount is capped at the order total, and both at the policy's max_amount_cents.
 * BigInt keeps large orders exact where floats would round.
 */
export function computeDiscountCents(terms: CodeTerms, orderTotalCents: number, maxAmountCents: number | null): number {
  const order = Math.max(0, Math.trunc(orderTotalCents));
  let amount: number;
  if (terms.discount_type === "free_shipping") return 0;
  if (terms.discount_type === "percentage") {
    const basisPoints = BigInt(Math.round(terms.value * 100));
    amount = Number((BigInt(order) * basisPoints) / 10_000n);
  } else {
    amount = Math.min(Math.trunc(terms.value), order);
  }
  if (maxAmountCents !== null) amount = Math.min(amount, maxAmountCents);
  return Math.max(0, amount);
}
