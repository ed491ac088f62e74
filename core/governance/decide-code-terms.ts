import type { FieldIssue } from "@/core/errors";
import { checkPolicyRange } from "./policy-range";
import type { CodeTerms, GovernanceReason, PolicyFacts } from "./types";

/**
 * Whether a code may be created or changed to these terms: the surface policy exists, is on, and allows the value
 * (reasons write money in the tenant's `currency`).
 */
export function decideCodeTerms(
  policy: PolicyFacts | null, surface: string, terms: CodeTerms, currency: string,
): { allowed: boolean; reasons: GovernanceReason[] } {
  const reasons = checkPolicyRange(policy, surface, terms, currency);
  return { allowed: reasons.length === 0, reasons };
}

// The shape a code's terms must have, whoever creates or changes the code: a cash discount is above
// zero, a free-shipping code carries none. Checked on create (zod) and on the merged result of an update.

/** Field issues of a code's terms (empty when well-formed); `value` is a percent or minor units of the currency. */
export function codeTermsIssues(terms: Partial<CodeTerms>): FieldIssue[] {
  if (terms.value === undefined || terms.discount_type === undefined) return [];
  if (terms.discount_type === "free_shipping") {
    return terms.value === 0 ? [] : [{ field: "value", message: "a free_shipping code carries no cash discount: value must be 0" }];
  }
  if (!(terms.value > 0)) return [{ field: "value", message: `a ${terms.discount_type} code needs a value above 0` }];
  if (terms.discount_type === "percentage" && terms.value > 100) return [{ field: "value", message: "a percentage is at most 100" }];
  if (terms.discount_type === "percentage" && Math.round(terms.value * 100) !== terms.value * 100) return [{ field: "value", message: "at most 2 decimals" }];
  if (terms.discount_type === "fixed" && !Number.isInteger(terms.value)) return [{ field: "value", message: "a fixed amount is a whole number in the currency's smallest unit" }];
  return [];
}
