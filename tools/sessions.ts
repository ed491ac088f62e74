import { sql } from "drizzle-orm";
import { hashSecret, sameHash } from "@/core/auth/keys";
import { issuerFor } from "@/core/auth/permissions";
import { newSessionId, sessionExpiry, sessionIdHash } from "@/core/auth/session-id";
import type { Database } from "@/db/database";
import { authenticate, platformKeyHash } from "./authenticate";
import type { Caller } from "./context";

// Server-side browser sessions (CONTRACT §7): sign-in trades a key for a random session id; every page and
// copilot request resolves the id through app_session_lookup (rls.sql), which applies idle and absolute
// expiry and drops the session with its key (revoked or deleted). The key itself is never stored or sent back.

/** Session lifetimes, from env (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
export type SessionTimes = { idleMinutes: number; maxHours: number };

type Row = {
  api_key_id: string | null; platform_key_hash: string | null; tenant_id: string | null; role: string | null;
  provider: string | null; surfaces: string[] | null;
};

const rows = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[]));

/** Checks the key like a REST request would, then stores a new session; null when the key does not work. */
export async function createSession(
  db: Database, key: string, opts: { platformKey?: string; now: Date; times: SessionTimes },
): Promise<{ id: string; caller: Caller } | null> {
  const caller = await authenticate(db, `Bearer ${key.trim()}`, opts.platformKey).catch(() => null);
  if (!caller) return null;
  const id = newSessionId();
  const platformHash = caller.role === "platform" ? hashSecret(key.trim()) : null;
  const expires = sessionExpiry(opts.now, opts.times.maxHours);
  await db.db.execute(sql`select app_session_create(${sessionIdHash(id)}, ${caller.apiKeyId}, ${platformHash},
    ${opts.now.toISOString()}::timestamptz, ${expires.toISOString()}::timestamptz)`);
  return { id, caller };
}

/** The caller behind a session id, or null when it is unknown, expired, revoked, or its key no longer works. */
export async function resolveSession(
  db: Database, id: string | null | undefined, opts: { platformKey?: string; now: Date; times: SessionTimes },
): Promise<Caller | null> {
  const hash = sessionIdHash(id);
  if (!hash) return null;
  const [row] = rows(await db.db.execute(sql`select * from app_session_lookup(${hash},
    ${opts.now.toISOString()}::timestamptz, ${opts.times.idleMinutes * 60})`));
  if (!row) return null;
  if (row.api_key_id) {
    if (!row.tenant_id || !row.role) return null;
    const role = row.role as "admin" | "marketer" | "connector";
    return {
      tenantId: row.tenant_id, role, apiKeyId: row.api_key_id, provider: row.provider, issuerType: issuerFor(role),
      surfaces: row.surfaces ?? null,
    };
  }
  // A platform session lives only as long as the platform key it was opened with.
  const current = opts.platformKey ? hashSecret(opts.platformKey) : await platformKeyHash(db);
  if (!row.platform_key_hash || !current || !sameHash(row.platform_key_hash, current)) return null;
  return { tenantId: null, role: "platform", apiKeyId: null, provider: null, issuerType: "human" };
}

/** Ends a session (sign-out); unknown ids are ignored. */
export async function revokeSession(db: Database, id: string | null | undefined, now: Date): Promise<void> {
  const hash = sessionIdHash(id);
  if (!hash) return;
  await db.db.execute(sql`select app_session_revoke(${hash}, ${now.toISOString()}::timestamptz)`);
}
