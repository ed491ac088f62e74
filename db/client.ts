import path from "node:path";
import { env, type Env } from "@/env";
import type { Database } from "./database";
import { sql } from "drizzle-orm";
import { type DbTimeouts, openPg, openPglite } from "./drivers";
import { migrate } from "./migrate";

/** The DB_*_TIMEOUT_MS settings as the drivers take them. */
export function timeoutsFrom(e: Env): DbTimeouts {
  return {
    connectMs: e.DB_CONNECT_TIMEOUT_MS, statementMs: e.DB_STATEMENT_TIMEOUT_MS,
    lockMs: e.DB_LOCK_TIMEOUT_MS, idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/** Picks the driver from the environment: DATABASE_URL → PostgreSQL via pg, else embedded PGlite. */
export async function openDatabase(e: Env = env): Promise<Database> {
  const timeouts = timeoutsFrom(e);
  if (e.DATABASE_URL) return openPg(e.DATABASE_URL, { poolSize: e.PG_POOL_SIZE, ownerUrl: e.DATABASE_OWNER_URL, timeouts });
  return openPglite(path.resolve(e.DATA_DIR, "pglite"), timeouts);
}

/** Says loudly when the app's own login role could bypass row-level security (superuser or BYPASSRLS). */
export async function warnIfPrivileged(database: Database): Promise<void> {
  if (database.kind !== "pg") return;
  const res = await database.db.execute(sql`select rolsuper or rolbypassrls as p from pg_roles where rolname = current_user`);
  const [row] = (res as unknown as { rows: { p: boolean }[] }).rows;
  if (row?.p) console.warn("[db] WARNING: DATABASE_URL logs in as a superuser or BYPASSRLS role; tenant isolation then rests on "
    + "SET ROLE alone. Use a plain login role and DATABASE_OWNER_URL for migrations (README \"PostgreSQL roles\").");
}

const holder = globalThis as unknown as { __offerCopilotDb?: Promise<Database> };

/**
 * The process's one database, opened and migrated on first use. Kept on globalThis because Next's
 * dev server re-imports modules, and PGlite's data dir may only be opened once per process.
 */
export function getDatabase(): Promise<Database> {
  holder.__offerCopilotDb ??= (async () => {
    const db = await openDatabase();
    await migrate(db);
    await warnIfPrivileged(db);
    return db;
  })().catch((err) => {
    holder.__offerCopilotDb = undefined;
    throw err;
  });
  return holder.__offerCopilotDb;
}
