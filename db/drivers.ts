import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";
import { type Database, type Db, scopedTransactions } from "./database";

// bigint/numeric come back as strings from pg by default; our *_cents fit in a JS number
// (±9e15) and drizzle's mode:"number" columns expect numbers, so parse count(*) results too.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens embedded Postgres; dataDir undefined → in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    ...scopedTransactions(db),
    async runScript(text) {
      await client.exec(text);
    },
    async close() {
      await client.close();
    },
  };
}

/** Opens a node-postgres pool on a server; the URL's user must own the schema (runs migrations). */
export async function openPg(url: string, poolSize = 16): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "pg",
    db,
    ...scopedTransactions(db),
    async runScript(text) {
      const client = await pool.connect();
      try {
        await client.query(text);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
