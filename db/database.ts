import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { isUuid } from "@/core/primitives";
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
  /** The app's handle (its login role: on PostgreSQL neither owner nor superuser); raw reads and checkpoints. */
  readonly db: Db;
  /** The schema owner's handle: migrations and the demo seed only (same as db when no owner URL is given). */
  readonly owner: Db;
  /** Runs fn in a transaction as the non-owner app role with app.tenant_id set: RLS does the rest. */
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts?: { isolationLevel?: IsolationLevel }): Promise<T>;
  /**
   * Runs fn as the app role with no tenant: it sees no tenant's rows, and reaches across tenants only through
   * the SECURITY DEFINER functions of rls.sql (key and session lookup, tenant creation, the platform's list).
   */
  withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn as offer_public: read-only, sees only what the public catalogue shows (rls.sql policies). */
  withPublic<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn in a transaction as the schema owner (migrations, seeding, tests' set-up); never on a request path. */
  withOwner<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script as the owner (migrations hardening). */
  runScript(text: string): Promise<void>;
  close(): Promise<void>;
}

export const APP_ROLE = "offer_app";
/** The role of anonymous public-catalogue reads. */
export const PUBLIC_ROLE = "offer_public";

type Scoped = Pick<Database, "withTenant" | "withSystem" | "withPublic" | "withOwner">;

/** Builds the scoped transactions on top of the app and owner handles; both drivers share this code. */
export function scopedTransactions(db: Db, owner: Db = db, opts: { startTimeoutMs?: number } = {}): Scoped {
  const transaction = startWithin(opts.startTimeoutMs ?? 0);
  const asRole = <T>(role: string, fn: (tx: Tx) => Promise<T>) =>
    transaction(db, async (tx) => {
      await tx.execute(sql`select set_config('role', ${role}, true)`);
      return fn(tx);
    });
  return {
    withTenant(tenantId, fn, opts) {
      // A malformed id would make the ::uuid cast throw inside RLS; refuse it before any SQL.
      if (!isUuid(tenantId)) throw new Error(`withTenant: not a tenant id: ${tenantId}`);
      return transaction(
        db,
        async (tx) => {
          await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`);
          return fn(tx);
        },
        opts?.isolationLevel,
      );
    },
    withSystem: (fn) => asRole(APP_ROLE, fn),
    withPublic: (fn) => asRole(PUBLIC_ROLE, fn),
    withOwner: (fn) => transaction(owner, fn),
  };
}

/**
 * Transactions that must begin within `ms` (0: no limit). PGlite has one connection and no lock_timeout;
 * a transaction still queued after `ms` fails with SQLSTATE 55P03 and is skipped when its turn comes.
 */
function startWithin(ms: number) {
  return <T>(db: Db, fn: (tx: Tx) => Promise<T>, isolationLevel?: IsolationLevel): Promise<T> => {
    const config = isolationLevel ? { isolationLevel } : undefined;
    if (!ms) return db.transaction(async (tx) => fn(tx as Tx), config);
    let state: "waiting" | "started" | "abandoned" = "waiting";
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (state !== "waiting") return;
        state = "abandoned";
        reject(Object.assign(new Error("The database is busy; the transaction did not start in time"), { code: "55P03" }));
      }, ms);
      db.transaction(async (tx) => {
        if (state === "abandoned") throw new Error("abandoned: started after its start timeout");
        state = "started";
        clearTimeout(timer);
        return fn(tx as Tx);
      }, config).then(resolve, (err) => {
        clearTimeout(timer);
        if (state !== "abandoned") reject(err);
      });
    });
  };
}
