import { sql } from "drizzle-orm";
import {
  bigint, boolean, date, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text,
  timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

const tenantId = () => uuid("tenant_id").notNull().references(() => tenants.tenant_id);
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// Merchants own offers (offers.merchant_owner) and have physical locations.
export const merchants = pgTable(
  "merchants",
  {
    tenant_id: tenantId(),
    merchant_id: uuid("merchant_id").notNull().defaultRandom(),
    merchant_name: text("merchant_name").notNull(),
    merchant_type: text("merchant_type"),
    status: text("status").notNull().default("active"),
    primary_category_id: text("primary_category_id"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.merchant_id] })],
);

export const merchantLocations = pgTable(
  "merchant_locations",
  {
    tenant_id: tenantId(),
    location_id: uuid("location_id").notNull().defaultRandom(),
    merchant_id: uuid("merchant_id").notNull(),
    address_line1: text("address_line1"),
    city: text("city"),
    state: text("state"),
    postal_code: text("postal_code"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    created_at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.location_id] }),
    foreignKey({ columns: [t.tenant_id, t.merchant_id], foreignColumns: [merchants.tenant_id, merchants.merchant_id] }),
    index("merchant_locations_merchant_idx").on(t.tenant_id, t.merchant_id),
  ],
);

export const offerTypes = pgTable(
  "offer_types",
  {
    tenant_id: tenantId(),
    offer_type_id: uuid("offer_type_id").notNull().defaultRandom(),
    type_name: text("type_name").notNull(),
    type_description: text("type_description"),
    is_active: boolean("is_active").notNull().default(true),
    created_at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.offer_type_id] }), uniqueIndex("offer_types_tenant_name_uq").on(t.tenant_id, t.type_name)],
);

// Offers keep the Offer Manager document's column names; discount terms sit beside them.
export const offers = pgTable(
  "offers",
  {
    tenant_id: tenantId(),
    offer_id: uuid("offer_id").notNull().defaultRandom(),
    merchant_owner: uuid("merchant_owner"),
    version_active_from: timestamp("version_active_from", { withTimezone: true }),
    default_language: text("default_language").notNull().default("en"),
    external_reference: text("external_reference"),
    // The business goal the offer serves, in the marketer's words (the copilot's goal setting fills it).
    objective: text("objective"),
    offer_expiry_date: timestamp("offer_expiry_date", { withTimezone: true }),
    // The client's own text for the two timestamps above, echoed on read so bodies round-trip exactly.
    date_inputs: jsonb("date_inputs").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    offer_status: text("offer_status").$type<"draft" | "active" | "inactive" | "expired">().notNull().default("draft"),
    offer_type: text("offer_type").notNull(),
    offer_redemption_methods: jsonb("offer_redemption_methods").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    edition_exclusivity: text("edition_exclusivity"),
    code_type: text("code_type"),
    clickthru_url: text("clickthru_url"),
    classification: text("classification"),
    program_id: uuid("program_id"),
    // Discount terms the copilot drafts; money in cents, percent 0–100.
    offer_value: numeric("offer_value", { precision: 12, scale: 2, mode: "number" }),
    max_discount_unit: text("max_discount_unit"),
    total_budget_cents: bigint("total_budget_cents", { mode: "number" }),
    minimum_spend_cents: bigint("minimum_spend_cents", { mode: "number" }),
    usage_limit_per_customer: integer("usage_limit_per_customer"),
    total_usage_limit: integer("total_usage_limit"),
    start_date: date("start_date"),
    end_date: date("end_date"),
    target_audience: jsonb("target_audience").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    distribution_channels: jsonb("distribution_channels").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    created_by_key_id: uuid("created_by_key_id"),
    issuer_type: text("issuer_type"),
    created_at: createdAt(),
    updated_at: updatedAt(),
    deleted_at: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.offer_id] }),
    index("offers_tenant_status_idx").on(t.tenant_id, t.offer_status),
    index("offers_tenant_merchant_idx").on(t.tenant_id, t.merchant_owner),
    // Lists page newest first; the public list reads active offers across tenants.
    index("offers_tenant_created_idx").on(t.tenant_id, t.created_at),
    index("offers_status_created_idx").on(t.offer_status, t.created_at),
  ],
);

// One row per language: the offer's copy and savings text.
export const offerDescriptives = pgTable(
  "offer_descriptives",
  {
    tenant_id: tenantId(),
    offer_id: uuid("offer_id").notNull(),
    language_code: text("language_code").notNull(),
    short_text: text("short_text"),
    long_text: text("long_text"),
    terms_conditions: text("terms_conditions"),
    image_url: text("image_url"),
    savings_amount: numeric("savings_amount", { precision: 12, scale: 2, mode: "number" }),
    savings_type: text("savings_type"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.offer_id, t.language_code] }),
    foreignKey({ columns: [t.tenant_id, t.offer_id], foreignColumns: [offers.tenant_id, offers.offer_id] }),
  ],
);

export const redemptionControls = pgTable(
  "redemption_controls",
  {
    tenant_id: tenantId(),
    control_id: uuid("control_id").notNull().defaultRandom(),
    offer_id: uuid("offer_id"),
    usage_limit: integer("usage_limit"),
    per_customer_limit: integer("per_customer_limit"),
    location_restrictions: jsonb("location_restrictions").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.control_id] }), index("redemption_controls_offer_idx").on(t.tenant_id, t.offer_id)],
);

export const programs = pgTable(
  "programs",
  {
    tenant_id: tenantId(),
    program_id: uuid("program_id").notNull().defaultRandom(),
    program_name: text("program_name").notNull(),
    program_type: text("program_type").$type<"closed_loop" | "open_loop" | "hybrid">().notNull(),
    program_status: text("program_status").notNull().default("active"),
    partner_id: text("partner_id"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.program_id] })],
);

export const programCampaigns = pgTable(
  "program_campaigns",
  {
    tenant_id: tenantId(),
    campaign_id: uuid("campaign_id").notNull().defaultRandom(),
    program_id: uuid("program_id"),
    campaign_name: text("campaign_name").notNull(),
    campaign_type: text("campaign_type"),
    start_date: date("start_date"),
    end_date: date("end_date"),
    budget_cents: bigint("budget_cents", { mode: "number" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.campaign_id] }), index("program_campaigns_program_idx").on(t.tenant_id, t.program_id)],
);

export const campaignOffers = pgTable(
  "campaign_offers",
  {
    tenant_id: tenantId(),
    campaign_id: uuid("campaign_id").notNull(),
    offer_id: uuid("offer_id").notNull(),
    created_at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.campaign_id, t.offer_id] }),
    index("campaign_offers_offer_idx").on(t.tenant_id, t.offer_id),
  ],
);

// Closed-loop audiences: who may redeem an offer.
export const customerLists = pgTable(
  "customer_lists",
  {
    tenant_id: tenantId(),
    list_id: uuid("list_id").notNull().defaultRandom(),
    offer_id: uuid("offer_id").notNull(),
    name: text("name"),
    created_at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.list_id] }), index("customer_lists_offer_idx").on(t.tenant_id, t.offer_id)],
);

export const customerListEntries = pgTable(
  "customer_list_entries",
  {
    tenant_id: tenantId(),
    list_id: uuid("list_id").notNull(),
    // Normalised identity (lower-cased email, E.164-ish phone, trimmed user id).
    customer_key: text("customer_key").notNull(),
    kind: text("kind").$type<"email" | "phone" | "user_id">().notNull(),
    created_at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.list_id, t.customer_key] })],
);

// Codes an offer switched off when it stopped being active (draft, deactivated, expired by an edit,
// deleted). Re-activating the offer switches back on exactly these, never a code someone turned off.
export const offerCodePauses = pgTable(
  "offer_code_pauses",
  {
    tenant_id: tenantId(),
    code_id: uuid("code_id").notNull(),
    offer_id: uuid("offer_id").notNull(),
    paused_at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant_id, t.code_id] }), index("offer_code_pauses_offer_idx").on(t.tenant_id, t.offer_id)],
);
