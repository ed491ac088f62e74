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

/** How long the database may make a request wait (env DB_*_TIMEOUT_MS); 0 turns one off. */
export type DbTimeouts = { connectMs: number; statementMs: number; lockMs: number; idleInTransactionMs: number };

export const DEFAULT_TIMEOUTS: DbTimeouts = { connectMs: 5_000, statementMs: 15_000, lockMs: 5_000, idleInTransactionMs: 30_000 };

/** pg's own settings for each connection: the server enforces them, so a stuck query cannot hold a client forever. */
export function pgTimeoutConfig(t: DbTimeouts): pg.PoolConfig {
  return {
    connectionTimeoutMillis: t.connectMs || undefined,
    statement_timeout: t.statementMs || undefined,
    lock_timeout: t.lockMs || undefined,
    idle_in_transaction_session_timeout: t.idleInTransactionMs || undefined,
  } as pg.PoolConfig;
}

/**
 * Opens embedded Postgres; dataDir undefined → in memory (tests). PGlite runs one statement at a time in this
 * process and cannot cancel one (no statement_timeout); its equivalent of the pool's connect timeout is
 * `lockMs`: a transaction that cannot start within it fails with 55P03 (mapped to 503) instead of queueing on.
 */
export async function openPglite(dataDir?: string, timeouts: Partial<DbTimeouts> = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed: Promise<void> | null = null;
  return {
    kind: "pglite",
    db,
    owner: db,
    ...scopedTransactions(db, db, { startTimeoutMs: timeouts.lockMs ?? 0 }),
    async runScript(text) {
      await client.exec(text);
    },
    // Idempotent: SIGTERM and the test's cleanup may both close; PGlite flushes its files on close.
    close() {
      closed ??= client.closed ? Promise.resolve() : client.close();
      return closed;
    },
  };
}

/** Pool size, owner URL and timeouts for openPg (a bare number is the pool size). */
export type PgOptions = { poolSize?: number; ownerUrl?: string; timeouts?: Partial<DbTimeouts> };

/**
 * Opens node-postgres pools. `url` is the app's login role (not a superuser, not the owner: RLS applies);
 * `ownerUrl` the schema owner that runs migrations and the demo seed (defaults to `url`, for one-role setups).
 */
export async function openPg(url: string, options: number | PgOptions = {}): Promise<Database> {
  const opts = typeof options === "number" ? { poolSize: options } : options;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 16, ...pgTimeoutConfig(timeouts) });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on("error", () => {});
  // The owner pool is small and only used at start (migrate, seed); migrations may run longer than a request.
  const ownerPool = opts.ownerUrl && opts.ownerUrl !== url
    ? new pg.Pool({ connectionString: opts.ownerUrl, max: 2, ...pgTimeoutConfig({ ...timeouts, statementMs: 0 }) })
    : pool;
  ownerPool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const owner = ownerPool === pool ? db : (drizzlePg(ownerPool, { schema }) as unknown as Db);
  return {
    kind: "pg",
    db,
    owner,
    ...scopedTransactions(db, owner),
    async runScript(text) {
      const client = await ownerPool.connect();
      try {
        await client.query(text);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      if (ownerPool !== pool) await ownerPool.end();
    },
  };
}
