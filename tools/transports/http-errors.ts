import { describeForLog } from "@/db/errors";
import { AppError, type ErrorCode, REJECTION_CODES, toAppError } from "@/core/errors";

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_conflict: 409,
  already_voided: 409,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** The one mapping from error codes to HTTP statuses (CONTRACT §0); every rejection code is 422. */
export function httpStatus(code: ErrorCode): number {
  if ((REJECTION_CODES as readonly string[]).includes(code)) return 422;
  return STATUS[code] ?? 500;
}

/** Re-exported: the one log-safe error description lives beside the database error mapping. */
export { describeForLog };

/** Error body per CONTRACT §0; never a stack trace or SQL. */
export function errorResponse(err: unknown, headers: Record<string, string> = {}): Response {
  const e: AppError = toAppError(err);
  if (!(err instanceof AppError)) console.error("[http] unexpected error:", describeForLog(err));
  const extra: Record<string, string> = { ...headers };
  // A saturated server says when to come back (CONTRACT §7: 503 unavailable with Retry-After).
  if (e.code === "unavailable") extra["retry-after"] = String(Number(e.details.retry_after_seconds ?? 1));
  // The rest of an over-limit body is never read, so this connection cannot carry another request.
  if (e.code === "payload_too_large") extra.connection = "close";
  return Response.json(
    { error: { code: e.code, message: e.message, details: e.details } },
    { status: httpStatus(e.code), headers: { "cache-control": "no-store", ...extra } },
  );
}
