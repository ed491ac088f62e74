import { z } from "zod";
import { TENANT_ROLES } from "@/core/auth/permissions";

// Shared field schemas for tenancy; other domains import Uuid/Currency from here.
export const Uuid = z.string().uuid();
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
  })
  .strict()
  .refine((v) => v.role !== "connector" || !!v.provider, { message: "a connector key needs a provider (e.g. shopify)", path: ["provider"] });

export const ApiKeyOutput = z.object({
  api_key_id: Uuid,
  role: z.enum(TENANT_ROLES),
  provider: z.string().nullable(),
  /** Shown once, here; only its hash is stored. */
  key: z.string(),
});

export const RevokeApiKeyInput = z.object({ api_key_id: Uuid }).strict();
export const Empty = z.object({});
