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
  values: { tenantId: string; role: TenantKeyRole; provider?: string | null; label?: string | null },
) {
  const api_key_id = randomUUID();
  const { key, secretHash } = newTenantKey(api_key_id);
  const insert = (tx: Tx) =>
    tx.insert(apiKeys).values({
      tenant_id: values.tenantId, api_key_id, role: values.role, provider: values.provider ?? null,
      label: values.label ?? null, secret_hash: secretHash,
    });
  if ("withSystem" in db) await db.withSystem(insert);
  else await insert(db);
  return { api_key_id, role: values.role, provider: values.provider ?? null, key };
}
