// Typed errors for connector authors: every non-2xx answer of the core becomes a CoreError carrying
// the CONTRACT's error code; governance refusals (§2.4, HTTP 422) are GovernanceErrors.

/** CONTRACT §2.4 rejection codes (plus §8's reservation_invalid): the reasons the core says no. */
export const GOVERNANCE_CODES = [
  "policy_violation", "kpi_floor", "kpi_stale", "budget_exhausted", "usage_limit", "per_customer_limit",
  "expired", "not_started", "inactive", "minimum_order", "surface_mismatch", "not_eligible", "reservation_invalid",
] as const;
export type GovernanceCode = (typeof GOVERNANCE_CODES)[number];

/** The CONTRACT §0 error body. */
export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** Any refusal or failure the core answered with; `status` 0 means the core was never reached. */
export class CoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CoreError";
  }

  /** Whether trying the same request again later may succeed (saturation, rate limit, network). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503;
  }
}

/** A 422 from the governance core: the code says which law refused (kpi_floor, budget_exhausted, ...). */
export class GovernanceError extends CoreError {
  declare readonly code: GovernanceCode;
  constructor(code: GovernanceCode, message: string, details: Record<string, unknown> = {}) {
    super(422, code, message, details);
    this.name = "GovernanceError";
  }
}

/** Narrowing helper for catch blocks. */
export function isGovernanceError(err: unknown): err is GovernanceError {
  return err instanceof GovernanceError;
}

/** Turns a non-2xx response's parsed body into the right error class. */
export function errorFrom(status: number, body: unknown): CoreError {
  const e = (body as Partial<ErrorBody> | null)?.error;
  const code = typeof e?.code === "string" ? e.code : status >= 500 ? "unavailable" : "unknown";
  const message = typeof e?.message === "string" ? e.message : `The core answered HTTP ${status}`;
  const details = (e?.details ?? {}) as Record<string, unknown>;
  if (status === 422 && (GOVERNANCE_CODES as readonly string[]).includes(code)) {
    return new GovernanceError(code as GovernanceCode, message, details);
  }
  return new CoreError(status, code, message, details);
}
