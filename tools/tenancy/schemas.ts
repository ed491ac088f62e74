import { z } from "zod";
import { TENANT_ROLES } from "@/core/auth/permissions";
import { Uuid } from "@/core/primitives";

// Shared field schemas for tenancy; other domains import Uuid/Currency from here.
export { Uuid };
export const Currency = z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code, e.g. USD");
/** Free-text labels: bounded so an oversized string is a 400, not a stored megabyte. */
export const Label = z.string().trim().min(1).max(200);

export const CreateTenantInput = z.object({ name: Label, currency: Currency.default("USD") }).strict();
export const TenantOutput = z.object({ tenant_id: Uuid, name: z.string(), currency: z.string() });

export const CreateApiKeyInput = z
  .object({
    tenant_id: Uuid,
    role: z.enum(TENANT_ROLES),
    provider: z.string().trim().min(1).max(64).regex(/^[a-z0-9_.-]+$/i, "letters, digits, . _ -").optional(),
    label: Label.optional(),
    /** Where a connector may act (CONTRACT §6); default [provider]. */
    surfaces: z.array(z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "a surface name, e.g. shopify")).min(1).max(32).optional(),
  })
  .strict()
  .refine((v) => v.role !== "connector" || !!v.provider, { message: "a connector key needs a provider (e.g. shopify)", path: ["provider"] })
  .refine((v) => v.role === "connector" || v.surfaces === undefined, { message: "only connector keys are scoped to surfaces", path: ["surfaces"] });

export const ApiKeyOutput = z.object({
  api_key_id: Uuid,
  role: z.enum(TENANT_ROLES),
  provider: z.string().nullable(),
  /** A connector's surfaces (default [provider]); null for other roles. */
  surfaces: z.array(z.string()).nullable().optional(),
  /** Shown once, here; only its hash is stored. */
  key: z.string(),
});

export const RevokeApiKeyInput = z.object({ api_key_id: Uuid }).strict();
export const Empty = z.object({});
