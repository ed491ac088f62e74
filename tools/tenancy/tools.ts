import { and, eq, isNull, sql } from "drizzle-orm";
import { notFound } from "@/core/errors";
import { issueApiKey } from "@/db/api-keys";
import type { Tx } from "@/db/database";
import { apiKeys, tenants } from "@/db/schema";
import { auditChange } from "../audit";
import { apiKeyRow } from "../authenticate";
import type { ToolContext } from "../context";
import { defineTool } from "../registry";
import { ApiKeyOutput, CreateApiKeyInput, CreateTenantInput, Empty, RevokeApiKeyInput, TenantOutput } from "./schemas";

/** The platform acts inside the tenant it names; an admin key stays inside its own tenant. RLS scopes both. */
function scopedTx<T>(ctx: ToolContext, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.caller.role === "platform") return ctx.db.withTenant(tenantId, fn);
  // An admin naming another tenant gets the same answer as for a tenant that does not exist.
  if (ctx.caller.tenantId !== tenantId) throw notFound("Tenant");
  return ctx.db.withTenant(tenantId, fn);
}

export const createTenant = defineTool({
  name: "create_tenant",
  description: "Create a tenant (platform only). The tenant owns budgets, policies, offers and codes.",
  input: CreateTenantInput,
  output: TenantOutput,
  permission: "tenants.create",
  async execute(input, ctx) {
    // The app role may not insert tenants; app_create_tenant (rls.sql) is the one narrow way in.
    const res = await ctx.db.withSystem((tx) => tx.execute(sql`select * from app_create_tenant(${input.name}, ${input.currency})`));
    const [row] = (res as unknown as { rows: { tenant_id: string; name: string; currency: string }[] }).rows;
    return row;
  },
});

export const createApiKey = defineTool({
  name: "create_api_key",
  description: "Create an API key for a tenant (platform, or that tenant's admin). The secret is returned only once.",
  input: CreateApiKeyInput,
  output: ApiKeyOutput,
  permission: "api_keys.manage",
  async execute(input, ctx) {
    return scopedTx(ctx, input.tenant_id, async (tx) => {
      const [tenant] = await tx.select({ id: tenants.tenant_id }).from(tenants).where(eq(tenants.tenant_id, input.tenant_id));
      if (!tenant) throw notFound("Tenant");
      const made = await issueApiKey(tx, {
        tenantId: input.tenant_id, role: input.role, provider: input.provider, label: input.label, surfaces: input.surfaces,
      });
      const { key: _secret, ...shown } = made;
      await auditChange(tx, input.tenant_id, ctx.caller, "create_api_key", { type: "api_key", id: made.api_key_id }, null, { ...shown, label: input.label ?? null });
      return made;
    });
  },
});

export const revokeApiKey = defineTool({
  name: "revoke_api_key",
  description: "Revoke an API key; it stops working on the next request.",
  input: RevokeApiKeyInput,
  output: Empty,
  permission: "api_keys.manage",
  async execute(input, ctx) {
    const revoke = (tx: Tx) =>
      tx.update(apiKeys).set({ revoked_at: ctx.now() })
        .where(and(eq(apiKeys.api_key_id, input.api_key_id), isNull(apiKeys.revoked_at)))
        .returning({ id: apiKeys.api_key_id });
    const find = (tx: Tx) => tx.select().from(apiKeys).where(eq(apiKeys.api_key_id, input.api_key_id));
    const run = async (tx: Tx) => {
      const [before] = await find(tx);
      const rows = await revoke(tx);
      // Revoking twice is fine (still revoked); an unknown or foreign key is not found.
      if (!before) throw notFound("API key");
      if (rows.length) {
        const view = (r: typeof before) => ({ api_key_id: r.api_key_id, role: r.role, provider: r.provider, label: r.label, revoked_at: r.revoked_at });
        await auditChange(tx, before.tenant_id, ctx.caller, "revoke_api_key", { type: "api_key", id: before.api_key_id }, view(before), view({ ...before, revoked_at: ctx.now() }));
      }
      return {};
    };
    if (ctx.caller.role === "platform") {
      // The platform names only the key; its tenant comes from the narrow key lookup, then RLS scopes the update.
      const key = await apiKeyRow(ctx.db, input.api_key_id);
      if (!key) throw notFound("API key");
      return ctx.db.withTenant(key.tenant_id, run);
    }
    return ctx.db.withTenant(ctx.caller.tenantId!, run);
  },
});

export const tenancyTools = [createTenant, createApiKey, revokeApiKey];
