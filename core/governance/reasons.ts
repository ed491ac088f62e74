import type { RejectionCode } from "@/core/errors";
import type { GovernanceReason } from "./types";

// Shared wording helpers, so every rule speaks about percent and time the same way. Money is written by
// core/offers/money formatMoney in the tenant's currency (issue 16: no message says "cents").

/** Builds a reason; one place so the shape never drifts. */
export function reason(code: RejectionCode, message: string): GovernanceReason {
  return { code, message };
}

/** "12.5%" / "25%": percents as a marketer writes them. */
export function pct(n: number): string {
  return `${Number(n.toFixed(2))}%`;
}

/** ISO time without milliseconds, for messages. */
export function when(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** "1h 1s", "2d 3h": exact durations without zero parts, so "1h 1s old" vs "up to 1h" reads as stale. */
export function duration(seconds: number): string {
  let s = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]] as const) {
    const n = Math.floor(s / size);
    s -= n * size;
    if (n) parts.push(`${n}${unit}`);
  }
  return parts.length ? parts.join(" ") : "0s";
}

/** True when no rule objected. */
export function allowedBy(reasons: GovernanceReason[]): boolean {
  return reasons.length === 0;
}
