DROP INDEX "discount_redemptions_idem_uq";--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "surfaces" text[];--> statement-breakpoint
CREATE UNIQUE INDEX "discount_redemptions_key_idem_uq" ON "discount_redemptions" USING btree ("tenant_id",coalesce("api_key_id", '00000000-0000-0000-0000-000000000000'::uuid),"idempotency_key");--> statement-breakpoint
-- Tenant spend rows are keyed by period name (month/quarter/total never share a row); existing rows belong to the period in force.
UPDATE "budget_spend" s SET "scope_id" = b."period" FROM "budgets" b WHERE s."tenant_id" = b."tenant_id" AND s."scope" = 'tenant' AND s."scope_id" = '';
