// One error type with stable codes for every transport (REST, agent tools, MCP).
// The mapping to HTTP lives in tools/transports/http-errors.ts, the one to tool errors in tools/registry.ts.

/** Governance and business rejections (CONTRACT §2.4); all map to 422. */
export const REJECTION_CODES = [
  "policy_violation", "kpi_floor", "kpi_stale", "budget_exhausted", "usage_limit", "per_customer_limit",
  "expired", "not_started", "inactive", "minimum_order", "surface_mismatch", "not_eligible", "reservation_invalid",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const ERROR_CODES = [
  "invalid_input", "unauthenticated", "forbidden", "not_found", "conflict", "idempotency_conflict",
  "already_voided", "payload_too_large", "method_not_allowed", "unavailable", "internal", ...REJECTION_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A reason a caller can act on; the same shape in validate responses and 422 errors. */
export type Reason = { code: string; message: string };

/** Thrown anywhere below a transport; the transport turns it into its own error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Field-level input problems, keyed the way clients name fields (snake_case paths). */
export type FieldIssue = { field: string; message: string };

export const invalidInput = (message: string, issues: FieldIssue[] = []) => new AppError("invalid_input", message, { fields: issues });
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "Your key's role may not do this") => new AppError("forbidden", message);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError("conflict", message, details);

/** A governance rejection carrying every failing reason, so callers see all of them at once. */
export function rejected(reasons: Reason[], details: Record<string, unknown> = {}): AppError {
  const first = reasons[0];
  const code = (REJECTION_CODES as readonly string[]).includes(first?.code) ? (first.code as ErrorCode) : "policy_violation";
  return new AppError(code, first?.message ?? "Rejected by governance", { ...details, reasons });
}

/** Turns anything thrown into an AppError without leaking internals (stack, SQL) to the caller. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError("internal", "Something went wrong on our side; nothing was changed.");
}
