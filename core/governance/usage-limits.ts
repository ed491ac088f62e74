import { reason } from "./reasons";
import type { CodeFacts, GovernanceReason } from "./types";

// Net uses (redemptions minus voids) against the code's limits; the per-customer limit comes first (§2.3).

/** `customerUses` is null when the request names no customer (validate without customer_id). */
export function checkUsageLimits(code: CodeFacts, customerUses: number | null): GovernanceReason[] {
  const reasons: GovernanceReason[] = [];
  if (code.per_customer_limit !== null && customerUses !== null && customerUses >= code.per_customer_limit) {
    reasons.push(reason("per_customer_limit", `This customer has already used ${code.promo_code} ${customerUses} time(s); the limit is ${code.per_customer_limit} per customer`));
  }
  if (code.usage_limit !== null && code.redemption_count >= code.usage_limit) {
    reasons.push(reason("usage_limit", `${code.promo_code} has been used ${code.redemption_count} of ${code.usage_limit} allowed times`));
  }
  return reasons;
}
