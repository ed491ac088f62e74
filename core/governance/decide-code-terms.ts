import { checkPolicyRange } from "./policy-range";
import type { CodeTerms, GovernanceReason, PolicyFacts } from "./types";

/** Whether a code may be created or changed to these terms: the surface policy exists, is on, and allows the value. */
export function decideCodeTerms(policy: PolicyFacts | null, surface: string, terms: CodeTerms): { allowed: boolean; reasons: GovernanceReason[] } {
  const reasons = checkPolicyRange(policy, surface, terms);
  return { allowed: reasons.length === 0, reasons };
}
