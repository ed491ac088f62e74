import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

// A caller's idempotency scope: its API key, or the nil UUID for in-process callers without one (CONTRACT §6).
const IDEM_SCOPE = sql`coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

const tenantId = () => uuid("tenant_id").notNull().references(() => tenants.tenant_id);

export type KpiFloor = { kpi: string; floor: number };

// Per (tenant, surface) strategy: the range a discount may take and the KPIs that gate it.
export const discountPolicies = pgTable(
  "discount_policies",
  {
    tenant_id: tenantId(),
    surface: text("surface").notNull(),
    min_percent: numeric("min_percent", { precision: 5, scale: 2, mode: "number" }).notNull(),
    max_percent: numeric("max_percent", { precision: 5, scale: 2, mode: "number" }).notNull(),
    max_amount_cents: bigint("max_amount_cents", { mode: "number" }),
    kpi_floors: jsonb("kpi_floors").$type<KpiFloor[]>().notNull().default(sql`'[]'::jsonb`),
    max_snapshot_age_seconds: integer("max_snapshot_age_seconds").notNull().default(86400),
    enabled: boolean("enabled").notNull().default(true),
    updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.surface] })],
);

// The tenant's cap; spend lives in budget_spend so the cap row is never a hot spot.
export const budgets = pgTable("budgets", {
  tenant_id: tenantId().primaryKey(),
  cap_cents: bigint("cap_cents", { mode: "number" }).notNull(),
  period: text("period").$type<"month" | "quarter" | "total">().notNull(),
  updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Spend per scope and period (tenant, offer or campaign budget); kept equal to the ledger sum.
export const budgetSpend = pgTable(
  "budget_spend",
  {
    tenant_id: tenantId(),
    scope: text("scope").$type<"tenant" | "offer" | "campaign">().notNull(),
    scope_id: text("scope_id").notNull().default(""),
    period_start: date("period_start").notNull(),
    spent_cents: bigint("spent_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.scope, t.scope_id, t.period_start] })],
);

// Promo codes; every one created through the governance core whoever asked.
export const discountCodes = pgTable(
  "discount_codes",
  {
    tenant_id: tenantId(),
    code_id: uuid("code_id").notNull().defaultRandom(),
    promo_code: text("promo_code").notNull(),
    surface: text("surface").notNull(),
    discount_type: text("discount_type").$type<"percentage" | "fixed" | "free_shipping">().notNull(),
    // Percent (0–100) for percentage codes, cents for fixed ones, 0 for free_shipping.
    value: numeric("value", { precision: 12, scale: 2, mode: "number" }).notNull(),
    offer_id: uuid("offer_id"),
    usage_limit: integer("usage_limit"),
    per_customer_limit: integer("per_customer_limit"),
    redemption_count: integer("redemption_count").notNull().default(0),
    starts_at: timestamp("starts_at", { withTimezone: true }),
    expires_at: timestamp("expires_at", { withTimezone: true }),
    minimum_order_cents: bigint("minimum_order_cents", { mode: "number" }),
    status: text("status").$type<"active" | "inactive">().notNull().default("active"),
    issuer_type: text("issuer_type").$type<"connector" | "agent" | "human">().notNull(),
    provider: text("provider"),
    api_key_id: uuid("api_key_id"),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.code_id] }),
    uniqueIndex("discount_codes_tenant_code_uq").on(t.tenant_id, t.promo_code),
    index("discount_codes_offer_idx").on(t.tenant_id, t.offer_id),
  ],
);

// Append-only ledger: redemptions and their compensating voids. UPDATE/DELETE are refused by the database.
export const discountRedemptions = pgTable(
  "discount_redemptions",
  {
    tenant_id: tenantId(),
    redemption_id: uuid("redemption_id").notNull().defaultRandom(),
    kind: text("kind").$type<"redemption" | "void">().notNull(),
    code_id: uuid("code_id").notNull(),
    promo_code: text("promo_code").notNull(),
    surface: text("surface").notNull(),
    offer_id: uuid("offer_id"),
    campaign_id: uuid("campaign_id"),
    customer_id: text("customer_id").notNull(),
    order_id: text("order_id"),
    order_total_cents: bigint("order_total_cents", { mode: "number" }).notNull(),
    // Positive for a redemption, negative for its void, so SUM() is the net spend.
    discount_cents: bigint("discount_cents", { mode: "number" }).notNull(),
    budget_period_start: date("budget_period_start").notNull(),
    voids_redemption_id: uuid("voids_redemption_id"),
    idempotency_key: text("idempotency_key"),
    request_hash: text("request_hash"),
    issuer_type: text("issuer_type"),
    provider: text("provider"),
    api_key_id: uuid("api_key_id"),
    // The idempotency scope as a plain column: under RLS only leakproof comparisons on plain columns reach an
    // index, so a COALESCE in the index would make every key lookup scan the tenant's whole ledger.
    idem_scope: uuid("idem_scope").generatedAlwaysAs(IDEM_SCOPE),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.redemption_id] }),
    // Idempotency is scoped to (tenant, API key) (CONTRACT §6); keyless in-process callers share the nil-UUID scope.
    uniqueIndex("discount_redemptions_scope_idem_uq").on(t.tenant_id, t.idem_scope, t.idempotency_key),
    // At most one void per redemption, enforced by the database.
    uniqueIndex("discount_redemptions_void_uq").on(t.tenant_id, t.voids_redemption_id),
    index("discount_redemptions_code_customer_idx").on(t.tenant_id, t.code_id, t.customer_id),
    index("discount_redemptions_offer_created_idx").on(t.tenant_id, t.offer_id, t.created_at),
    // An offer's per-customer limit counts one customer's uses across its codes: a probe, not a scan of the offer's ledger.
    index("discount_redemptions_offer_customer_idx").on(t.tenant_id, t.offer_id, t.customer_id),
    index("discount_redemptions_tenant_created_idx").on(t.tenant_id, t.created_at),
  ],
);

export const discountKpiSnapshots = pgTable(
  "discount_kpi_snapshots",
  {
    tenant_id: tenantId(),
    snapshot_id: uuid("snapshot_id").notNull().defaultRandom(),
    kpi: text("kpi").notNull(),
    // Empty string = tenant-wide, so (kpi, surface) has one index path without NULL juggling.
    surface: text("surface").notNull().default(""),
    value: numeric("value", { precision: 18, scale: 4, mode: "number" }).notNull(),
    observed_at: timestamp("observed_at", { withTimezone: true }).notNull().defaultNow(),
    api_key_id: uuid("api_key_id"),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.snapshot_id] }),
    index("discount_kpi_snapshots_latest_idx").on(t.tenant_id, t.kpi, t.surface, t.observed_at),
  ],
);

// Checkout holds (CONTRACT §8): a live reservation (active, not expired) counts as one use of its code
// and its cents against every budget scope in `spend_keys` until it is consumed by a redeem, released,
// or expires. Rows are written only by transactions holding redeem's locks, so holds are exact.
export const discountReservations = pgTable(
  "discount_reservations",
  {
    tenant_id: tenantId(),
    reservation_id: uuid("reservation_id").notNull().defaultRandom(),
    code_id: uuid("code_id").notNull(),
    promo_code: text("promo_code").notNull(),
    surface: text("surface").notNull(),
    offer_id: uuid("offer_id"),
    customer_id: text("customer_id").notNull(),
    order_total_cents: bigint("order_total_cents", { mode: "number" }).notNull(),
    discount_cents: bigint("discount_cents", { mode: "number" }).notNull(),
    // The spend counters (scope|scope_id|period_start) the hold draws on, as redeem would.
    spend_keys: jsonb("spend_keys").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: text("status").$type<"active" | "consumed" | "released">().notNull().default("active"),
    expires_at: timestamp("expires_at", { withTimezone: true }).notNull(),
    idempotency_key: text("idempotency_key").notNull(),
    request_hash: text("request_hash").notNull(),
    api_key_id: uuid("api_key_id"),
    // As on the ledger: the idempotency scope as a plain, indexable column.
    idem_scope: uuid("idem_scope").generatedAlwaysAs(IDEM_SCOPE),
    issuer_type: text("issuer_type"),
    provider: text("provider"),
    // The redemption that consumed the hold.
    redemption_id: uuid("redemption_id"),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.reservation_id] }),
    uniqueIndex("discount_reservations_scope_idem_uq").on(t.tenant_id, t.idem_scope, t.idempotency_key),
    index("discount_reservations_live_code_idx").on(t.tenant_id, t.code_id, t.expires_at).where(sql`${t.status} = 'active'`),
  ],
);
