-- Applied after every migration run (idempotent). Hardens whatever tables the migrations made:
-- every public table with a tenant_id column gets forced row-level security on app.tenant_id,
-- so a table added later cannot forget its isolation policy.

-- offer_app: tenant transactions (RLS on app.tenant_id). offer_public: anonymous catalogue reads (policies below).
-- On a shared server a superuser creates both once (README "PostgreSQL roles"); the owner needs no CREATEROLE then.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'offer_app') THEN
    CREATE ROLE offer_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'offer_public') THEN
    CREATE ROLE offer_public NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
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

-- ---------------------------------------------------------------------------------------------------------
-- Cross-tenant system reads. The app's login role cannot see other tenants' rows; the few reads that must
-- (key lookup, session lookup, the platform's tenant list) are these narrow SECURITY DEFINER functions,
-- owned by the migration owner. Nothing else: the app role has no privileges on browser_sessions or
-- platform_settings at all.

-- Key lookup by id (the id is in the presented key); the caller compares the secret hash itself.
CREATE OR REPLACE FUNCTION app_api_key(p_id uuid)
  RETURNS TABLE (tenant_id uuid, role text, provider text, surfaces text[], secret_hash text, revoked boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.tenant_id, k.role, k.provider, k.surfaces, k.secret_hash, k.revoked_at IS NOT NULL
    FROM api_keys k WHERE k.api_key_id = p_id
$$;

-- The generated platform key's hash (embedded demo without PLATFORM_API_KEY).
CREATE OR REPLACE FUNCTION app_platform_key_hash() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT value FROM platform_settings WHERE key = 'platform_key_hash'
$$;

-- The platform creates tenants (the app role may not insert into tenants).
CREATE OR REPLACE FUNCTION app_create_tenant(p_name text, p_currency text)
  RETURNS TABLE (tenant_id uuid, name text, currency text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO tenants (name, currency) VALUES (p_name, p_currency) RETURNING tenant_id, name, currency
$$;

-- The platform's tenant list (Headroom Monitor): ids, names and currencies only, one page, with the total.
CREATE OR REPLACE FUNCTION app_tenant_page(p_limit int, p_offset int)
  RETURNS TABLE (tenant_id uuid, name text, currency text, total_count bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.tenant_id, t.name, t.currency, count(*) OVER () FROM tenants t
   ORDER BY t.name, t.tenant_id LIMIT least(p_limit, 100) OFFSET p_offset
$$;

-- Browser sessions: create, look up (idle + absolute expiry, live key), revoke. Only hashes cross the boundary.
CREATE OR REPLACE FUNCTION app_session_create(p_hash text, p_api_key_id uuid, p_platform_key_hash text, p_now timestamptz,
    p_expires_at timestamptz) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  -- Sessions a day past their absolute expiry or revocation are gone for good; each sign-in sweeps them.
  DELETE FROM browser_sessions WHERE expires_at < p_now - interval '1 day' OR revoked_at < p_now - interval '1 day';
  INSERT INTO browser_sessions (session_hash, api_key_id, platform_key_hash, created_at, last_seen_at, expires_at)
  VALUES (p_hash, p_api_key_id, p_platform_key_hash, p_now, p_now, p_expires_at)
$$;

CREATE OR REPLACE FUNCTION app_session_lookup(p_hash text, p_now timestamptz, p_idle_seconds int)
  RETURNS TABLE (api_key_id uuid, platform_key_hash text, tenant_id uuid, role text, provider text, surfaces text[])
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    WITH live AS (
      UPDATE browser_sessions s SET last_seen_at = p_now
       WHERE s.session_hash = p_hash AND s.revoked_at IS NULL AND s.expires_at > p_now
         AND s.last_seen_at > p_now - make_interval(secs => p_idle_seconds)
      RETURNING s.api_key_id AS key_id, s.platform_key_hash AS pk_hash)
    SELECT live.key_id, live.pk_hash, k.tenant_id, k.role, k.provider, k.surfaces
      FROM live LEFT JOIN api_keys k ON k.api_key_id = live.key_id AND k.revoked_at IS NULL
     WHERE live.key_id IS NULL OR k.api_key_id IS NOT NULL;
END $$;

CREATE OR REPLACE FUNCTION app_session_revoke(p_hash text, p_now timestamptz) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE browser_sessions SET revoked_at = p_now WHERE session_hash = p_hash AND revoked_at IS NULL
$$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['app_api_key(uuid)', 'app_platform_key_hash()', 'app_create_tenant(text, text)',
    'app_tenant_page(int, int)', 'app_session_create(text, uuid, text, timestamptz, timestamptz)',
    'app_session_lookup(text, timestamptz, int)', 'app_session_revoke(text, timestamptz)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO offer_app', f);
  END LOOP;
END $$;
REVOKE ALL ON browser_sessions, platform_settings FROM offer_app;

-- ---------------------------------------------------------------------------------------------------------
-- The public catalogue (GET /api/v1/offers, /api/v1/merchants without a tenant key) runs as offer_public:
-- read-only, and these policies let it see active, undeleted offers, their copy, and the merchants and
-- locations behind them; nothing else of any tenant.
GRANT USAGE ON SCHEMA public TO offer_public;
GRANT EXECUTE ON FUNCTION app_current_tenant() TO offer_public;
GRANT SELECT ON offers, offer_descriptives, merchants, merchant_locations TO offer_public;
GRANT SELECT (tenant_id, currency) ON tenants TO offer_public;
DROP POLICY IF EXISTS public_read ON offers;
CREATE POLICY public_read ON offers FOR SELECT TO offer_public USING (offer_status = 'active' AND deleted_at IS NULL);
DROP POLICY IF EXISTS public_read ON offer_descriptives;
CREATE POLICY public_read ON offer_descriptives FOR SELECT TO offer_public USING (EXISTS (
  SELECT 1 FROM offers o WHERE o.tenant_id = offer_descriptives.tenant_id AND o.offer_id = offer_descriptives.offer_id));
DROP POLICY IF EXISTS public_read ON merchants;
CREATE POLICY public_read ON merchants FOR SELECT TO offer_public USING (EXISTS (
  SELECT 1 FROM offers o WHERE o.tenant_id = merchants.tenant_id AND o.merchant_owner = merchants.merchant_id));
DROP POLICY IF EXISTS public_read ON merchant_locations;
CREATE POLICY public_read ON merchant_locations FOR SELECT TO offer_public USING (EXISTS (
  SELECT 1 FROM merchants m WHERE m.tenant_id = merchant_locations.tenant_id AND m.merchant_id = merchant_locations.merchant_id));
DROP POLICY IF EXISTS public_read ON tenants;
CREATE POLICY public_read ON tenants FOR SELECT TO offer_public USING (true);

-- The copilot's checkpoints (schema langgraph, created by migrate as the owner) are used by the app role.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'langgraph') THEN
    GRANT USAGE ON SCHEMA langgraph TO offer_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA langgraph TO offer_app;
  END IF;
END $$;
