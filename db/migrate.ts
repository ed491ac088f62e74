import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./database";

const DB_DIR = path.join(process.cwd(), "db");

/** One migration path for both drivers: drizzle-kit's SQL files, then the RLS hardening script. */
export async function migrate(database: Database): Promise<void> {
  const migrationsFolder = path.join(DB_DIR, "migrations");
  if (database.kind === "pglite") await migratePglite(database.owner as never, { migrationsFolder });
  else await migratePg(database.owner as never, { migrationsFolder });
  await database.runScript(readFileSync(path.join(DB_DIR, "rls.sql"), "utf8"));
}
