import { reason } from "./reasons";
import type { EligibilityFacts, GovernanceReason } from "./types";

/** Closed loop: when the code's offer has customer lists, only listed customers may redeem. */
export function checkEligibility(facts: EligibilityFacts, customerId: string | null, promoCode: string): GovernanceReason[] {
  if (!facts.restricted) return [];
  if (customerId === null) return [reason("not_eligible", `${promoCode} is limited to listed customers — pass customer_id to check eligibility`)];
  if (facts.listed) return [];
  return [reason("not_eligible", `This customer is not on the customer list of the offer behind ${promoCode}`)];
}
