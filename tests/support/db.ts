import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "@/db/database";
import { openPg, openPglite } from "@/db/drivers";
import { migrate } from "@/db/migrate";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Which database this vitest project runs on; set by vitest.config.ts (db:pglite / db:postgres). */
export function testDbKind(): "pglite" | "pg" {
  const kind = process.env.TEST_DB;
  if (kind !== "pglite" && kind !== "pg") throw new Error("TEST_DB must be pglite or pg (run through the vitest projects)");
  return kind;
}

/** url: the app role's URL on PostgreSQL; ownerUrl: the schema owner's (both undefined on PGlite). */
export type TestDatabase = { database: Database; url?: string; ownerUrl?: string; cleanup: () => Promise<void> };

/** Login roles the pg project runs as (README "PostgreSQL roles"): a plain app role, and the schema owner. */
export const TEST_APP_ROLE = "oc_test_app";
export const TEST_OWNER_ROLE = "oc_test_owner";

/** Creates the roles once per server (idempotent; parallel test files may race, which is harmless). */
async function ensureRoles(admin: pg.Client): Promise<void> {
  const statements = [
    `CREATE ROLE offer_app NOLOGIN NOSUPERUSER NOBYPASSRLS`,
    `CREATE ROLE offer_public NOLOGIN NOSUPERUSER NOBYPASSRLS`,
    // The owner runs migrations and the SECURITY DEFINER functions; BYPASSRLS because tables FORCE row security.
    `CREATE ROLE ${TEST_OWNER_ROLE} LOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE`,
    `CREATE ROLE ${TEST_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE offer_app, offer_public`,
  ];
  for (const s of statements) {
    await admin.query(`DO $$ BEGIN ${s}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  }
  await admin.query(`GRANT offer_app, offer_public TO ${TEST_APP_ROLE}`).catch(() => {});
  await admin.query(`GRANT offer_app, offer_public TO ${TEST_OWNER_ROLE}`).catch(() => {});
}

/** The test server's URL for another user and database. */
function urlFor(user: string, database: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server owned by a non-superuser owner and used through a plain login role that is neither owner,
 * superuser nor RLS-exempt (as in production). An unreachable server fails the file: nothing skips silently.
 */
export async function createTestDatabase(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (testDbKind() === "pglite") {
    const database = await openPglite();
    await migrate(database);
    return { database, cleanup: () => database.close() };
  }
  const name = `oc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await ensureRoles(admin);
  await admin.query(`CREATE DATABASE ${name} OWNER ${TEST_OWNER_ROLE}`);
  await admin.end();
  const url = urlFor(TEST_APP_ROLE, name);
  const ownerUrl = urlFor(TEST_OWNER_ROLE, name);
  const database = await openPg(url, { poolSize: opts.poolSize ?? 8, ownerUrl });
  await migrate(database);
  return {
    database,
    url,
    ownerUrl,
    async cleanup() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
