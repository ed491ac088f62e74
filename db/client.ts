import path from "node:path";
import { env, type Env } from "@/env";
import type { Database } from "./database";
import { openPg, openPglite } from "./drivers";
import { migrate } from "./migrate";

/** Picks the driver from the environment: DATABASE_URL → PostgreSQL via pg, else embedded PGlite. */
export async function openDatabase(e: Env = env): Promise<Database> {
  if (e.DATABASE_URL) return openPg(e.DATABASE_URL, e.PG_POOL_SIZE);
  return openPglite(path.resolve(e.DATA_DIR, "pglite"));
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
    return db;
  })().catch((err) => {
    holder.__offerCopilotDb = undefined;
    throw err;
  });
  return holder.__offerCopilotDb;
}
