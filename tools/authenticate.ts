import { sql } from "drizzle-orm";
import { bearerToken, hashSecret, parseTenantKey, sameHash } from "@/core/auth/keys";
import { issuerFor } from "@/core/auth/permissions";
import { AppError } from "@/core/errors";
import type { Database } from "@/db/database";
import type { Caller } from "./context";

const unauthenticated = () => new AppError("unauthenticated", "A valid API key is required (Authorization: Bearer <key>)");

/**
 * Resolves a Bearer key to a caller. No caching, so a revoked key stops working on the next request.
 * `platformKey` is PLATFORM_API_KEY from the environment when set; otherwise the stored generated hash counts.
 */
export async function authenticate(db: Database, authorization: string | null | undefined, platformKey?: string): Promise<Caller> {
  const key = bearerToken(authorization);
  if (!key) throw unauthenticated();
  const parsed = parseTenantKey(key);
  if (parsed) {
    const row = await apiKeyRow(db, parsed.apiKeyId);
    if (!row || row.revoked || !sameHash(hashSecret(parsed.secret), row.secret_hash)) throw unauthenticated();
    return {
      tenantId: row.tenant_id, role: row.role, apiKeyId: parsed.apiKeyId, provider: row.provider, issuerType: issuerFor(row.role),
      surfaces: row.surfaces ?? null,
    };
  }
  const presented = hashSecret(key);
  let expected: string | undefined = platformKey ? hashSecret(platformKey) : undefined;
  if (!expected) expected = (await platformKeyHash(db)) ?? undefined;
  if (expected && sameHash(presented, expected)) {
    return { tenantId: null, role: "platform", apiKeyId: null, provider: null, issuerType: "human" };
  }
  throw unauthenticated();
}

type KeyRow = {
  tenant_id: string; role: "admin" | "marketer" | "connector"; provider: string | null; surfaces: string[] | null;
  secret_hash: string; revoked: boolean;
};

const resultRows = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

/** A key row by id via the SECURITY DEFINER app_api_key (the app role cannot read api_keys across tenants). */
export async function apiKeyRow(db: Database, apiKeyId: string): Promise<KeyRow | null> {
  const [row] = resultRows<KeyRow>(await db.db.execute(sql`select * from app_api_key(${apiKeyId}::uuid)`));
  return row ?? null;
}

/** The generated platform key's stored hash (app_platform_key_hash), or null when none was generated. */
export async function platformKeyHash(db: Database): Promise<string | null> {
  const [row] = resultRows<{ h: string | null }>(await db.db.execute(sql`select app_platform_key_hash() as h`));
  return row?.h ?? null;
}

/** The caller of public read-only routes when no key is presented. */
export const ANONYMOUS: Caller = { tenantId: null, role: "anonymous", apiKeyId: null, provider: null, issuerType: "human" };
