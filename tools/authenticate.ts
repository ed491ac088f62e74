import { sql } from "drizzle-orm";
import { bearerToken, hashSecret, parseTenantKey, sameHash } from "@/core/auth/keys";
import { issuerFor } from "@/core/auth/permissions";
import { AppError } from "@/core/errors";
import { isUuid } from "@/core/primitives";
import type { Database } from "@/db/database";
import type { Caller } from "./context";
import { batcherRegistry } from "./discounts/tenant-batcher";

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

// Key lookups are coalesced, never cached: lookups that arrive while one is in flight wait and go together in the
// next statement (one round trip for every request of a burst instead of one each). Each lookup runs after its
// request arrived, so a revoked key still stops working on the next request.
const lookups = batcherRegistry<string, KeyRow | null>({
  maxBatch: 256,
  run: async (db, _scope, batch) => {
    const ids = [...new Set(batch.map((w) => w.job))];
    try {
      const rows = resultRows<KeyRow & { api_key_id: string }>(await db.db.execute(sql`select k.id as api_key_id, r.*
        from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) k(id), lateral app_api_key(k.id::uuid) r`));
      const byId = new Map(rows.map(({ api_key_id, ...row }) => [api_key_id, row]));
      for (const w of batch) w.resolve(byId.get(w.job) ?? null);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  },
});

/** A key row by id via the SECURITY DEFINER app_api_key (the app role cannot read api_keys across tenants). */
export function apiKeyRow(db: Database, apiKeyId: string): Promise<KeyRow | null> {
  // Not an id: no such key (and never a cast error that would fail the rest of its burst).
  if (!isUuid(apiKeyId)) return Promise.resolve(null);
  return lookups(db, "").submit(apiKeyId);
}

/** The generated platform key's stored hash (app_platform_key_hash), or null when none was generated. */
export async function platformKeyHash(db: Database): Promise<string | null> {
  const [row] = resultRows<{ h: string | null }>(await db.db.execute(sql`select app_platform_key_hash() as h`));
  return row?.h ?? null;
}

/** The caller of public read-only routes when no key is presented. */
export const ANONYMOUS: Caller = { tenantId: null, role: "anonymous", apiKeyId: null, provider: null, issuerType: "human" };
