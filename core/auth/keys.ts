import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Key format: ock_<api_key_id as 32 hex>_<43-char base64url secret>. The id finds the row without
// a secret-dependent index lookup; the secret is compared by hash in constant time.
const TENANT_KEY_RE = /^ock_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const PLATFORM_PREFIX = "ocp_";

/** SHA-256 is enough here: secrets are 256 random bits, so there is nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares two hex digests without leaking the position of the first difference. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

function secret(): string {
  return randomBytes(32).toString("base64url");
}

/** A new tenant key for a row id; only the returned hash is stored. */
export function newTenantKey(apiKeyId: string): { key: string; secretHash: string } {
  const s = secret();
  return { key: `ock_${apiKeyId.replace(/-/g, "")}_${s}`, secretHash: hashSecret(s) };
}

/** Splits a presented tenant key into its row id and secret, or null when it is not one. */
export function parseTenantKey(key: string): { apiKeyId: string; secret: string } | null {
  const m = TENANT_KEY_RE.exec(key);
  if (!m) return null;
  const h = m[1];
  return { apiKeyId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, secret: m[2] };
}

/** A new platform key (generated in embedded demo mode when PLATFORM_API_KEY is unset). */
export function newPlatformKey(): { key: string; hash: string } {
  const key = `${PLATFORM_PREFIX}${secret()}`;
  return { key, hash: hashSecret(key) };
}

/** Pulls the key out of an Authorization header; null for a missing or non-Bearer header. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
