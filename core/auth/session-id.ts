import { randomBytes } from "node:crypto";
import { hashSecret } from "./keys";

// Browser session ids: 256 random bits, base64url. The cookie carries the id; the database only its SHA-256.

const SESSION_ID_RE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh opaque session id (why: nothing in it can be guessed or decoded into a key). */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of an id, or null for anything that is not a well-formed id (no database lookup then). */
export function sessionIdHash(id: string | null | undefined): string | null {
  return id && SESSION_ID_RE.test(id) ? hashSecret(id) : null;
}

/** When a session started at `now` ends at the latest (absolute expiry). */
export function sessionExpiry(now: Date, maxHours: number): Date {
  return new Date(now.getTime() + maxHours * 3600_000);
}
