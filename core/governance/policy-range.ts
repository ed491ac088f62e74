import { formatMoney } from "@/core/offers/money";
import { pct, reason } from "./reasons";
import type { CodeTerms, GovernanceReason, PolicyFacts } from "./types";

// The surface's range: percent codes between min and max percent, fixed codes at most
// max_amount_cents, and a fixed discount never a bigger share of an order than max_percent.

/** Policy exists and is switched on: without one, nothing may be discounted on the surface (fail closed). */
export function checkPolicyPresent(policy: PolicyFacts | null, surface: string): GovernanceReason[] {
  if (!policy) {
    return [reason("policy_violation", `${surface} has no discount policy yet — an admin must set one (PUT /api/discount-policies/${surface}) before codes can be used there`)];
  }
  if (!policy.enabled) return [reason("policy_violation", `Discounts are switched off on ${surface} — an admin must enable its policy first`)];
  return [];
}

/**
 * Checks a code's terms against the surface's range; the single rule for create, update, validate and redeem.
 * A fixed amount is written in the tenant's `currency` (ISO 4217).
 */
export function checkPolicyRange(policy: PolicyFacts | null, surface: string, terms: CodeTerms, currency: string): GovernanceReason[] {
  const presence = checkPolicyPresent(policy, surface);
  if (presence.length || !policy) return presence;
  // No cash off: the policy being there and switched on is the whole range check (KPIs, dates, limits still apply).
  if (terms.discount_type === "free_shipping") return [];
  if (terms.discount_type === "percentage") {
    if (terms.value > policy.max_percent) {
      return [reason("policy_violation", `${surface} allows at most ${pct(policy.max_percent)} — ${pct(terms.value)} is above it`)];
    }
    if (terms.value < policy.min_percent) {
      return [reason("policy_violation", `${surface} needs at least ${pct(policy.min_percent)} — ${pct(terms.value)} is below it`)];
    }
    return [];
  }
  if (policy.max_amount_cents !== null && terms.value > policy.max_amount_cents) {
    return [reason("policy_violation", `${surface} allows at most ${formatMoney(policy.max_amount_cents, currency)} off — ${formatMoney(terms.value, currency)} is above it`)];
  }
  return [];
}

/** A fixed amount must not exceed max_percent of the order it is applied to (a 10-dollar code on a 12-dollar order). */
export function checkEffectiveShare(
  policy: PolicyFacts | null, surface: string, terms: CodeTerms, discountCents: number, orderTotalCents: number, currency: string,
): GovernanceReason[] {
  if (!policy || terms.discount_type !== "fixed" || orderTotalCents <= 0) return [];
  if (discountCents * 100 <= policy.max_percent * orderTotalCents) return [];
  const share = (discountCents * 100) / orderTotalCents;
  const minOrder = Math.ceil((discountCents * 100) / policy.max_percent);
  const m = (minor: number) => formatMoney(minor, currency);
  return [reason("policy_violation", `${m(discountCents)} off is ${pct(share)} of this ${m(orderTotalCents)} order; `
    + `${surface} allows at most ${pct(policy.max_percent)} — the order must be at least ${m(minOrder)}`)];
}

/** The compliant value nearest to the one asked for (clamped into the range), or null when none exists. */
export function nearestCompliantValue(policy: PolicyFacts | null, terms: CodeTerms): number | null {
  if (!policy || !policy.enabled || terms.discount_type === "free_shipping") return null;
  if (terms.discount_type === "percentage") {
    if (policy.min_percent > policy.max_percent) return null;
    return Math.min(policy.max_percent, Math.max(policy.min_percent, terms.value));
  }
  return policy.max_amount_cents === null ? terms.value : Math.min(policy.max_amount_cents, terms.value);
}
