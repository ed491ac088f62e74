import { eq } from "drizzle-orm";
import { bearerToken, hashSecret, parseTenantKey, sameHash } from "@/core/auth/keys";
import { issuerFor } from "@/core/auth/permissions";
import { AppError } from "@/core/errors";
import type { Database } from "@/db/database";
import { getSetting, PLATFORM_KEY_SETTING } from "@/db/platform-settings";
import { apiKeys } from "@/db/schema";
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
    const [row] = await db.withSystem((tx) => tx.select().from(apiKeys).where(eq(apiKeys.api_key_id, parsed.apiKeyId)).limit(1));
    if (!row || row.revoked_at || !sameHash(hashSecret(parsed.secret), row.secret_hash)) throw unauthenticated();
    return { tenantId: row.tenant_id, role: row.role, apiKeyId: row.api_key_id, provider: row.provider, issuerType: issuerFor(row.role) };
  }
  const presented = hashSecret(key);
  let expected: string | undefined = platformKey ? hashSecret(platformKey) : undefined;
  if (!expected) expected = (await getSetting(db, PLATFORM_KEY_SETTING)) ?? undefined;
  if (expected && sameHash(presented, expected)) {
    return { tenantId: null, role: "platform", apiKeyId: null, provider: null, issuerType: "human" };
  }
  throw unauthenticated();
}

/** The caller of public read-only routes when no key is presented. */
export const ANONYMOUS: Caller = { tenantId: null, role: "anonymous", apiKeyId: null, provider: null, issuerType: "human" };
