import { AppError } from "@/core/errors";

// Postgres SQLSTATEs a caller can cause with bad input; anything else stays an internal error.
const BY_SQLSTATE: Record<string, (msg: string) => AppError> = {
  "23505": () => new AppError("conflict", "That already exists"),
  "23503": () => new AppError("invalid_input", "A referenced object does not exist"),
  "23514": () => new AppError("invalid_input", "A value is outside what is allowed"),
  "22P02": () => new AppError("invalid_input", "A value has the wrong format"),
  "22003": () => new AppError("invalid_input", "A number is out of range"),
  "22007": () => new AppError("invalid_input", "A date has the wrong format"),
  "22008": () => new AppError("invalid_input", "A date is out of range"),
  "22001": () => new AppError("invalid_input", "A value is too long"),
  "40001": () => new AppError("conflict", "A concurrent change won; try again"),
  "40P01": () => new AppError("conflict", "A concurrent change won; try again"),
  // Timeouts (DB_*_TIMEOUT_MS): the database is busy, not the request wrong; 503 with Retry-After.
  "57014": () => new AppError("unavailable", "The database took too long; try again", { retry_after_seconds: 2 }),
  "55P03": () => new AppError("unavailable", "The database is busy; try again", { retry_after_seconds: 2 }),
  "25P03": () => new AppError("unavailable", "The database ended an idle transaction; try again", { retry_after_seconds: 2 }),
};

function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  // drizzle wraps driver errors in `cause`.
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps database errors a client caused to stable AppErrors; returns other errors unchanged. */
export function mapDbError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const state = sqlState(err);
  const make = state ? BY_SQLSTATE[state] : undefined;
  return make ? make(String(state)) : err;
}

// Our key formats (core/auth/keys.ts): scrubbed from anything logged, wherever they appear.
const SECRET_RE = /\b(ock_[0-9a-f]{32}_|ocp_)[A-Za-z0-9_-]{20,}/g;

/**
 * An unexpected error as one log line: no SQL parameters (drizzle appends them after "params:"), no driver
 * `detail` (pg puts row values there), no key-shaped strings. Why: logs must never hold secrets or customer ids.
 */
export function describeForLog(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string } } | null;
  const text = err instanceof Error ? `${e!.name}: ${e!.message}` : String(err);
  const state = e?.cause?.code ? ` [sqlstate ${e.cause.code}]` : "";
  return (text.split(/\n?params:/)[0].slice(0, 500) + state).replace(SECRET_RE, "$1[redacted]");
}
