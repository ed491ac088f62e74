CREATE TABLE "api_keys" (
	"tenant_id" uuid NOT NULL,
	"api_key_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"provider" text,
	"label" text,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_tenant_id_api_key_id_pk" PRIMARY KEY("tenant_id","api_key_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"tenant_id" uuid NOT NULL,
	"audit_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"allowed" boolean NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issuer_type" text,
	"provider" text,
	"api_key_id" uuid,
	"subject_type" text,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_log_tenant_id_audit_id_pk" PRIMARY KEY("tenant_id","audit_id")
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surfaces" (
	"tenant_id" uuid NOT NULL,
	"surface" text NOT NULL,
	"display_name" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surfaces_tenant_id_surface_pk" PRIMARY KEY("tenant_id","surface")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"tenant_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_offers" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_offers_tenant_id_campaign_id_offer_id_pk" PRIMARY KEY("tenant_id","campaign_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_list_entries" (
	"tenant_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"customer_key" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_list_entries_tenant_id_list_id_customer_key_pk" PRIMARY KEY("tenant_id","list_id","customer_key")
);
--> statement-breakpoint
CREATE TABLE "customer_lists" (
	"tenant_id" uuid NOT NULL,
	"list_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_lists_tenant_id_list_id_pk" PRIMARY KEY("tenant_id","list_id")
);
--> statement-breakpoint
CREATE TABLE "merchant_locations" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"address_line1" text,
	"city" text,
	"state" text,
	"postal_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchant_locations_tenant_id_location_id_pk" PRIMARY KEY("tenant_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"tenant_id" uuid NOT NULL,
	"merchant_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"merchant_name" text NOT NULL,
	"merchant_type" text,
	"status" text DEFAULT 'active' NOT NULL,
	"primary_category_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchants_tenant_id_merchant_id_pk" PRIMARY KEY("tenant_id","merchant_id")
);
--> statement-breakpoint
CREATE TABLE "offer_descriptives" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"language_code" text NOT NULL,
	"short_text" text,
	"long_text" text,
	"terms_conditions" text,
	"image_url" text,
	"savings_amount" numeric(12, 2),
	"savings_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_descriptives_tenant_id_offer_id_language_code_pk" PRIMARY KEY("tenant_id","offer_id","language_code")
);
--> statement-breakpoint
CREATE TABLE "offer_types" (
	"tenant_id" uuid NOT NULL,
	"offer_type_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type_name" text NOT NULL,
	"type_description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_types_tenant_id_offer_type_id_pk" PRIMARY KEY("tenant_id","offer_type_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"merchant_owner" uuid,
	"version_active_from" timestamp with time zone,
	"default_language" text DEFAULT 'en' NOT NULL,
	"external_reference" text,
	"offer_expiry_date" timestamp with time zone,
	"date_inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"offer_status" text DEFAULT 'draft' NOT NULL,
	"offer_type" text NOT NULL,
	"offer_redemption_methods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"edition_exclusivity" text,
	"code_type" text,
	"clickthru_url" text,
	"classification" text,
	"program_id" uuid,
	"offer_value" numeric(12, 2),
	"max_discount_unit" text,
	"total_budget_cents" bigint,
	"minimum_spend_cents" bigint,
	"usage_limit_per_customer" integer,
	"total_usage_limit" integer,
	"start_date" date,
	"end_date" date,
	"target_audience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"distribution_channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_key_id" uuid,
	"issuer_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "offers_tenant_id_offer_id_pk" PRIMARY KEY("tenant_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "program_campaigns" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid,
	"campaign_name" text NOT NULL,
	"campaign_type" text,
	"start_date" date,
	"end_date" date,
	"budget_cents" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_campaigns_tenant_id_campaign_id_pk" PRIMARY KEY("tenant_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"tenant_id" uuid NOT NULL,
	"program_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_name" text NOT NULL,
	"program_type" text NOT NULL,
	"program_status" text DEFAULT 'active' NOT NULL,
	"partner_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_tenant_id_program_id_pk" PRIMARY KEY("tenant_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "redemption_controls" (
	"tenant_id" uuid NOT NULL,
	"control_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"location_restrictions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redemption_controls_tenant_id_control_id_pk" PRIMARY KEY("tenant_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "budget_spend" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_spend_tenant_id_scope_scope_id_period_start_pk" PRIMARY KEY("tenant_id","scope","scope_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"cap_cents" bigint NOT NULL,
	"period" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_codes" (
	"tenant_id" uuid NOT NULL,
	"code_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"promo_code" text NOT NULL,
	"surface" text NOT NULL,
	"discount_type" text NOT NULL,
	"value" numeric(12, 2) NOT NULL,
	"offer_id" uuid,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"redemption_count" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"minimum_order_cents" bigint,
	"status" text DEFAULT 'active' NOT NULL,
	"issuer_type" text NOT NULL,
	"provider" text,
	"api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_codes_tenant_id_code_id_pk" PRIMARY KEY("tenant_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "discount_kpi_snapshots" (
	"tenant_id" uuid NOT NULL,
	"snapshot_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi" text NOT NULL,
	"surface" text DEFAULT '' NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_kpi_snapshots_tenant_id_snapshot_id_pk" PRIMARY KEY("tenant_id","snapshot_id")
);
--> statement-breakpoint
CREATE TABLE "discount_policies" (
	"tenant_id" uuid NOT NULL,
	"surface" text NOT NULL,
	"min_percent" numeric(5, 2) NOT NULL,
	"max_percent" numeric(5, 2) NOT NULL,
	"max_amount_cents" bigint,
	"kpi_floors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_snapshot_age_seconds" integer DEFAULT 86400 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_policies_tenant_id_surface_pk" PRIMARY KEY("tenant_id","surface")
);
--> statement-breakpoint
CREATE TABLE "discount_redemptions" (
	"tenant_id" uuid NOT NULL,
	"redemption_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code_id" uuid NOT NULL,
	"promo_code" text NOT NULL,
	"surface" text NOT NULL,
	"offer_id" uuid,
	"campaign_id" uuid,
	"customer_id" text NOT NULL,
	"order_id" text,
	"order_total_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"budget_period_start" date NOT NULL,
	"voids_redemption_id" uuid,
	"idempotency_key" text,
	"request_hash" text,
	"issuer_type" text,
	"provider" text,
	"api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_redemptions_tenant_id_redemption_id_pk" PRIMARY KEY("tenant_id","redemption_id")
);
--> statement-breakpoint
CREATE TABLE "agent_threads" (
	"tenant_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_threads_tenant_id_thread_id_pk" PRIMARY KEY("tenant_id","thread_id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surfaces" ADD CONSTRAINT "surfaces_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_offers" ADD CONSTRAINT "campaign_offers_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_list_entries" ADD CONSTRAINT "customer_list_entries_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_lists" ADD CONSTRAINT "customer_lists_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_locations" ADD CONSTRAINT "merchant_locations_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_locations" ADD CONSTRAINT "merchant_locations_tenant_id_merchant_id_merchants_tenant_id_merchant_id_fk" FOREIGN KEY ("tenant_id","merchant_id") REFERENCES "public"."merchants"("tenant_id","merchant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_descriptives" ADD CONSTRAINT "offer_descriptives_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_descriptives" ADD CONSTRAINT "offer_descriptives_tenant_id_offer_id_offers_tenant_id_offer_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","offer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_types" ADD CONSTRAINT "offer_types_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_campaigns" ADD CONSTRAINT "program_campaigns_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_controls" ADD CONSTRAINT "redemption_controls_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spend" ADD CONSTRAINT "budget_spend_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_kpi_snapshots" ADD CONSTRAINT "discount_kpi_snapshots_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_policies" ADD CONSTRAINT "discount_policies_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_redemptions" ADD CONSTRAINT "discount_redemptions_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_threads" ADD CONSTRAINT "agent_threads_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_api_key_id_uq" ON "api_keys" USING btree ("api_key_id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "campaign_offers_offer_idx" ON "campaign_offers" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE INDEX "customer_lists_offer_idx" ON "customer_lists" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE INDEX "merchant_locations_merchant_idx" ON "merchant_locations" USING btree ("tenant_id","merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_types_tenant_name_uq" ON "offer_types" USING btree ("tenant_id","type_name");--> statement-breakpoint
CREATE INDEX "offers_tenant_status_idx" ON "offers" USING btree ("tenant_id","offer_status");--> statement-breakpoint
CREATE INDEX "offers_tenant_merchant_idx" ON "offers" USING btree ("tenant_id","merchant_owner");--> statement-breakpoint
CREATE INDEX "offers_tenant_created_idx" ON "offers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "offers_status_created_idx" ON "offers" USING btree ("offer_status","created_at");--> statement-breakpoint
CREATE INDEX "program_campaigns_program_idx" ON "program_campaigns" USING btree ("tenant_id","program_id");--> statement-breakpoint
CREATE INDEX "redemption_controls_offer_idx" ON "redemption_controls" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_codes_tenant_code_uq" ON "discount_codes" USING btree ("tenant_id","promo_code");--> statement-breakpoint
CREATE INDEX "discount_codes_offer_idx" ON "discount_codes" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE INDEX "discount_kpi_snapshots_latest_idx" ON "discount_kpi_snapshots" USING btree ("tenant_id","kpi","surface","observed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_redemptions_idem_uq" ON "discount_redemptions" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_redemptions_void_uq" ON "discount_redemptions" USING btree ("tenant_id","voids_redemption_id");--> statement-breakpoint
CREATE INDEX "discount_redemptions_code_customer_idx" ON "discount_redemptions" USING btree ("tenant_id","code_id","customer_id");--> statement-breakpoint
CREATE INDEX "discount_redemptions_offer_created_idx" ON "discount_redemptions" USING btree ("tenant_id","offer_id","created_at");--> statement-breakpoint
CREATE INDEX "discount_redemptions_tenant_created_idx" ON "discount_redemptions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agent_threads_thread_uq" ON "agent_threads" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "agent_threads_tenant_created_idx" ON "agent_threads" USING btree ("tenant_id","created_at");