DROP INDEX "discount_redemptions_key_idem_uq";--> statement-breakpoint
DROP INDEX "discount_reservations_key_idem_uq";--> statement-breakpoint
ALTER TABLE "discount_redemptions" ADD COLUMN "idem_scope" uuid GENERATED ALWAYS AS (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED;--> statement-breakpoint
ALTER TABLE "discount_reservations" ADD COLUMN "idem_scope" uuid GENERATED ALWAYS AS (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED;--> statement-breakpoint
CREATE UNIQUE INDEX "discount_redemptions_scope_idem_uq" ON "discount_redemptions" USING btree ("tenant_id","idem_scope","idempotency_key");--> statement-breakpoint
CREATE INDEX "discount_redemptions_offer_customer_idx" ON "discount_redemptions" USING btree ("tenant_id","offer_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_reservations_scope_idem_uq" ON "discount_reservations" USING btree ("tenant_id","idem_scope","idempotency_key");