import { offerLetsCodesRedeem } from "@/core/offers/lifecycle";
import { reason, when } from "./reasons";
import type { CodeFacts, GovernanceReason } from "./types";

// Is the code usable here and now: the right surface, switched on, inside its dates.

/** Surface, status and date window of a code at `now`; all failing reasons, in CONTRACT §2.3 order. */
export function checkCodeState(code: CodeFacts, requestSurface: string, now: Date): GovernanceReason[] {
  const reasons: GovernanceReason[] = [];
  if (code.surface !== requestSurface) {
    reasons.push(reason("surface_mismatch", `${code.promo_code} is a ${code.surface} code and cannot be used on ${requestSurface}`));
  }
  if (code.status !== "active") reasons.push(reason("inactive", `${code.promo_code} has been deactivated`));
  else if (!offerLetsCodesRedeem(code.offer_status)) {
    reasons.push(reason("inactive", `${code.promo_code} belongs to an offer that is ${code.offer_status}, not active`));
  }
  if (code.starts_at && now < code.starts_at) reasons.push(reason("not_started", `${code.promo_code} starts at ${when(code.starts_at)}`));
  if (code.expires_at && now >= code.expires_at) reasons.push(reason("expired", `${code.promo_code} expired at ${when(code.expires_at)}`));
  return reasons;
}
