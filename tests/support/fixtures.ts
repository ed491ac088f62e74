import { randomUUID } from "node:crypto";
import type { Database } from "@/db/database";
import { tenants } from "@/db/schema";
import { issueApiKey } from "@/db/api-keys";
import type { Caller, ToolContext } from "@/tools/context";
import { issuerFor, type TenantRole } from "@/core/auth/permissions";

/** A tenant row, created as the platform would. */
export async function makeTenant(db: Database, values: { name?: string; currency?: string } = {}) {
  const [row] = await db.withOwner((tx) =>
    tx.insert(tenants).values({ name: values.name ?? `Tenant ${randomUUID().slice(0, 8)}`, currency: values.currency ?? "USD" }).returning(),
  );
  return row;
}

/** A tenant with one key of each role, the usual starting point of an API test. */
export async function makeTenantWithKeys(db: Database, values: { name?: string; currency?: string } = {}) {
  const tenant = await makeTenant(db, values);
  const key = (role: TenantRole, provider?: string) => issueApiKey(db, { tenantId: tenant.tenant_id, role, provider });
  return {
    tenantId: tenant.tenant_id,
    admin: await key("admin"),
    marketer: await key("marketer"),
    connector: await key("connector", "shopify"),
  };
}

/** A tool context for calling tools directly (agent/MCP-style), with an optional fixed clock. */
export function toolCtx(db: Database, caller: Partial<Caller> & Pick<Caller, "tenantId" | "role">, now: () => Date = () => new Date()): ToolContext {
  return {
    db,
    now,
    caller: { apiKeyId: null, provider: null, issuerType: issuerFor(caller.role), ...caller },
  };
}
