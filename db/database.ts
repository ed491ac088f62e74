import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Drizzle handle shape shared by PGlite and node-postgres, so callers never branch on the driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** What a tenant or system callback receives: a transaction scoped to one tenant (or to the system). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type IsolationLevel = "read committed" | "repeatable read" | "serializable";

/** The one database handle the app passes around; PGlite and pg implement the same contract. */
export interface Database {
  readonly kind: "pglite" | "pg";
  /** Owner-privileged handle: migrations, seeding and key lookup only. */
  readonly db: Db;
  /** Runs fn in a transaction as the non-owner app role with app.tenant_id set: RLS does the rest. */
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts?: { isolationLevel?: IsolationLevel }): Promise<T>;
  /** Runs fn in a transaction as the owner; for platform operations that span tenants. */
  withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script (migrations hardening). */
  runScript(text: string): Promise<void>;
  close(): Promise<void>;
}

export const APP_ROLE = "offer_app";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds withTenant/withSystem on top of any drizzle handle; both drivers share this code. */
export function scopedTransactions(db: Db): Pick<Database, "withTenant" | "withSystem"> {
  return {
    withTenant(tenantId, fn, opts) {
      // A malformed id would make the ::uuid cast throw inside RLS; refuse it before any SQL.
      if (!UUID_RE.test(tenantId)) throw new Error(`withTenant: not a tenant id: ${tenantId}`);
      return db.transaction(
        async (tx) => {
          await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`);
          return fn(tx as Tx);
        },
        opts?.isolationLevel ? { isolationLevel: opts.isolationLevel } : undefined,
      );
    },
    withSystem(fn) {
      return db.transaction(async (tx) => fn(tx as Tx));
    },
  };
}
