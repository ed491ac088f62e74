import { reason } from "./reasons";
import type { CodeFacts, ControlFacts, GovernanceReason } from "./types";

// Net uses (redemptions minus voids) against the code's limits and its offer's redemption controls;
// the per-customer limit comes first (§2.3). Code and control both apply, so the stricter one stops
// redemptions first; each limit kind is reported once, naming the limit that was reached.

/** `customerUses` is null when the request names no customer (validate without customer_id). */
export function checkUsageLimits(code: CodeFacts, customerUses: number | null, controls: ControlFacts | null = null): GovernanceReason[] {
  const reasons: GovernanceReason[] = [];
  const c = controls;
  if (code.per_customer_limit !== null && customerUses !== null && customerUses >= code.per_customer_limit) {
    reasons.push(reason("per_customer_limit", `This customer has already used ${code.promo_code} ${customerUses} time(s); the limit is ${code.per_customer_limit} per customer`));
  } else if (c?.per_customer_limit != null && c.offerCustomerUses !== null && c.offerCustomerUses >= c.per_customer_limit) {
    reasons.push(reason("per_customer_limit", `This customer has already used the offer behind ${code.promo_code} ${c.offerCustomerUses} time(s); its redemption controls allow ${c.per_customer_limit} per customer`));
  }
  if (code.usage_limit !== null && code.redemption_count >= code.usage_limit) {
    reasons.push(reason("usage_limit", `${code.promo_code} has been used ${code.redemption_count} of ${code.usage_limit} allowed times`));
  } else if (c?.usage_limit != null && c.offerUses >= c.usage_limit) {
    reasons.push(reason("usage_limit", `The offer behind ${code.promo_code} has been redeemed ${c.offerUses} of the ${c.usage_limit} times its redemption controls allow`));
  }
  return reasons;
}

/** Location restrictions of the offer's controls: the request must name a location on every list. */
export function checkLocation(controls: ControlFacts | null, locationId: string | null | undefined, promoCode: string): GovernanceReason[] {
  const lists = controls?.location_lists.filter((l) => l.length > 0) ?? [];
  if (lists.length === 0) return [];
  if (!locationId) {
    return [reason("not_eligible", `${promoCode} can only be redeemed at the offer's listed locations — pass location_id to say where the order is redeemed`)];
  }
  if (lists.every((l) => l.includes(locationId))) return [];
  return [reason("not_eligible", `${promoCode} cannot be redeemed at location ${locationId}; the offer's redemption controls allow it only at their listed locations`)];
}
