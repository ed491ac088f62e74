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

export type TestDatabase = { database: Database; url?: string; cleanup: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server. An unreachable server fails the file: a database test never skips silently.
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
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openPg(url.toString(), opts.poolSize ?? 8);
  await migrate(database);
  return {
    database,
    url: url.toString(),
    async cleanup() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
