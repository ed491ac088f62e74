import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Tenants own the money and the data; every other tenant-owned table leads with tenant_id.
export const tenants = pgTable("tenants", {
  tenant_id: uuid("tenant_id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // ISO 4217; all *_cents amounts of this tenant are in this currency.
  currency: text("currency").notNull().default("USD"),
  // Brand guidelines and other per-tenant knobs ({banned_words: [], required_terms: []}).
  settings: jsonb("settings").$type<TenantSettings>().notNull().default(sql`'{}'::jsonb`),
  created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TenantSettings = {
  banned_words?: string[];
  required_terms?: string[];
};

// Keys are stored only as a hash of their secret part; the id in the key finds the row.
export const apiKeys = pgTable(
  "api_keys",
  {
    tenant_id: uuid("tenant_id").notNull().references(() => tenants.tenant_id),
    api_key_id: uuid("api_key_id").notNull().defaultRandom(),
    role: text("role").$type<"admin" | "marketer" | "connector">().notNull(),
    provider: text("provider"),
    // Connector keys act only on these surfaces; null means [provider] (CONTRACT §6).
    surfaces: text("surfaces").array(),
    label: text("label"),
    secret_hash: text("secret_hash").notNull(),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revoked_at: timestamp("revoked_at", { withTimezone: true }),
    // Keys the demo seed made, so one statement can revoke them all before going live.
    demo: boolean("demo").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.api_key_id] }),
    // Auth resolves a key before the tenant is known; key ids are random UUIDs.
    uniqueIndex("api_keys_api_key_id_uq").on(t.api_key_id),
  ],
);

// System-wide settings that belong to no tenant (the generated platform key hash).
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Browser sign-ins (CONTRACT §7). The cookie holds a random id; only its SHA-256 is stored. No tenant_id column:
// the app role has no privileges here and reaches rows only through the SECURITY DEFINER functions in rls.sql.
export const browserSessions = pgTable(
  "browser_sessions",
  {
    session_hash: text("session_hash").primaryKey(),
    // The tenant key signed in with; deleting the key deletes its sessions, revoking it ends them at lookup.
    api_key_id: uuid("api_key_id").references(() => apiKeys.api_key_id, { onDelete: "cascade" }),
    // Platform sign-ins have no key row: the hash of the platform key used, so rotating that key ends them.
    platform_key_hash: text("platform_key_hash"),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Idle expiry counts from here; refreshed at most once a minute by lookups.
    last_seen_at: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    // Absolute expiry, whatever the activity.
    expires_at: timestamp("expires_at", { withTimezone: true }).notNull(),
    revoked_at: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("browser_sessions_api_key_idx").on(t.api_key_id)],
);

// Surfaces own the strategy: each carries its own discount policy.
export const surfaces = pgTable(
  "surfaces",
  {
    tenant_id: uuid("tenant_id").notNull().references(() => tenants.tenant_id),
    surface: text("surface").notNull(),
    display_name: text("display_name"),
    enabled: boolean("enabled").notNull().default(true),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.surface] })],
);

// Every governance decision and privileged change, allowed or not, for the control room.
export const auditLog = pgTable(
  "audit_log",
  {
    tenant_id: uuid("tenant_id").notNull().references(() => tenants.tenant_id),
    audit_id: uuid("audit_id").notNull().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    allowed: boolean("allowed").notNull(),
    reasons: jsonb("reasons").$type<{ code: string; message: string }[]>().notNull().default(sql`'[]'::jsonb`),
    issuer_type: text("issuer_type"),
    provider: text("provider"),
    api_key_id: uuid("api_key_id"),
    /** The caller's role when the change was made (keys never change role, but the row outlives the key). */
    role: text("role"),
    subject_type: text("subject_type"),
    subject_id: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.audit_id] }),
    index("audit_log_tenant_at_idx").on(t.tenant_id, t.at),
    // An offer's timeline reads its own rows.
    index("audit_log_subject_idx").on(t.tenant_id, t.subject_type, t.subject_id),
  ],
);
