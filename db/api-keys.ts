import { randomUUID } from "node:crypto";
import { newTenantKey } from "@/core/auth/keys";
import type { Database, Tx } from "./database";
import { apiKeys } from "./schema";

// The one place a tenant API key row is written. The create_api_key tool, the demo seed and test
// fixtures all issue keys through it, so the seed needs nothing from tools/.

export type TenantKeyRole = "admin" | "marketer" | "connector";

/** Issues a key for a tenant (why: seeding and fixtures have no caller); the secret is returned once. */
export async function issueApiKey(
  db: Database | Tx,
  values: { tenantId: string; role: TenantKeyRole; provider?: string | null; label?: string | null; demo?: boolean; surfaces?: string[] | null },
) {
  const api_key_id = randomUUID();
  const { key, secretHash } = newTenantKey(api_key_id);
  // A connector acts on its provider's surface unless given a list (CONTRACT §6); other roles have none.
  const connectorSurfaces = values.role === "connector" ? (values.surfaces ?? (values.provider ? [values.provider] : null)) : null;
  const insert = (tx: Tx) =>
    tx.insert(apiKeys).values({
      tenant_id: values.tenantId, api_key_id, role: values.role, provider: values.provider ?? null,
      label: values.label ?? null, secret_hash: secretHash, demo: values.demo ?? false, surfaces: connectorSurfaces,
    });
  if ("withTenant" in db) await db.withTenant(values.tenantId, insert);
  else await insert(db);
  return { api_key_id, role: values.role, provider: values.provider ?? null, surfaces: connectorSurfaces, key };
}
