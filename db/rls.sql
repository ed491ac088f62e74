-- Applied after every migration run (idempotent). Hardens whatever tables the migrations made:
-- every public table with a tenant_id column gets forced row-level security on app.tenant_id,
-- so a table added later cannot forget its isolation policy.

DO $$ BEGIN
  CREATE ROLE offer_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- NULL when unset, so `tenant_id = app_current_tenant()` matches nothing without a tenant.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO offer_app;
GRANT EXECUTE ON FUNCTION app_current_tenant() TO offer_app;

DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.table_name
      FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.table_name AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
        t.table_name);
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO offer_app', t.table_name);
  END LOOP;
END $$;

-- Tenants are created by the platform only; the app role may read and rename its own.
REVOKE INSERT, DELETE ON tenants FROM offer_app;

-- The ledger is append-only: no privilege to change it, and a trigger for everyone else.
REVOKE UPDATE, DELETE, TRUNCATE ON discount_redemptions FROM offer_app;
CREATE OR REPLACE FUNCTION reject_ledger_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'discount_redemptions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS discount_redemptions_append_only ON discount_redemptions;
CREATE TRIGGER discount_redemptions_append_only BEFORE UPDATE OR DELETE ON discount_redemptions
  FOR EACH ROW EXECUTE FUNCTION reject_ledger_mutation();
DROP TRIGGER IF EXISTS discount_redemptions_no_truncate ON discount_redemptions;
CREATE TRIGGER discount_redemptions_no_truncate BEFORE TRUNCATE ON discount_redemptions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_mutation();
