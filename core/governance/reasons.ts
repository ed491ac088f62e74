import type { RejectionCode } from "@/core/errors";
import type { GovernanceReason } from "./types";

// Shared wording helpers, so every rule speaks about money, percent and time the same way.

/** Builds a reason; one place so the shape never drifts. */
export function reason(code: RejectionCode, message: string): GovernanceReason {
  return { code, message };
}

/** "12.5%" / "25%": percents as a marketer writes them. */
export function pct(n: number): string {
  return `${Number(n.toFixed(2))}%`;
}

/** "1,250 cents": money stays in cents like every *_cents field, grouped for reading. */
export function cents(n: number): string {
  return `${n.toLocaleString("en-US")} cents`;
}

/** ISO time without milliseconds, for messages. */
export function when(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** "3h 20m": how stale a snapshot is, in words a person reads at a glance. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** True when no rule objected. */
export function allowedBy(reasons: GovernanceReason[]): boolean {
  return reasons.length === 0;
}
