CREATE TABLE "discount_reservations" (
	"tenant_id" uuid NOT NULL,
	"reservation_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code_id" uuid NOT NULL,
	"promo_code" text NOT NULL,
	"surface" text NOT NULL,
	"offer_id" uuid,
	"customer_id" text NOT NULL,
	"order_total_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"spend_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"api_key_id" uuid,
	"issuer_type" text,
	"provider" text,
	"redemption_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_reservations_tenant_id_reservation_id_pk" PRIMARY KEY("tenant_id","reservation_id")
);
--> statement-breakpoint
ALTER TABLE "discount_reservations" ADD CONSTRAINT "discount_reservations_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "discount_reservations_key_idem_uq" ON "discount_reservations" USING btree ("tenant_id",coalesce("api_key_id", '00000000-0000-0000-0000-000000000000'::uuid),"idempotency_key");--> statement-breakpoint
CREATE INDEX "discount_reservations_live_code_idx" ON "discount_reservations" USING btree ("tenant_id","code_id","expires_at") WHERE "discount_reservations"."status" = 'active';