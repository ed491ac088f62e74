CREATE TABLE "offer_code_pauses" (
	"tenant_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_code_pauses_tenant_id_code_id_pk" PRIMARY KEY("tenant_id","code_id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "offer_code_pauses" ADD CONSTRAINT "offer_code_pauses_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_code_pauses_offer_idx" ON "offer_code_pauses" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("tenant_id","subject_type","subject_id");