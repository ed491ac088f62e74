import type { PGlite, Transaction } from "@electric-sql/pglite";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import { APP_ROLE, type Database } from "@/db/database";

// Conversations and pending confirmations live in the app's own database, so they survive a
// restart. On PostgreSQL the saver gets the app's pg pool; on PGlite it gets a pool-shaped adapter.

/** Postgres schema for LangGraph's tables, apart from the app's RLS-guarded ones. */
export const CHECKPOINT_SCHEMA = "langgraph";

type QueryResult = { rows: any[]; rowCount: number };
type PoolClient = { query: (text: string, params?: unknown[]) => Promise<QueryResult>; release: () => void };

/**
 * The slice of pg.Pool PostgresSaver uses, over PGlite's single connection. Outside BEGIN…COMMIT a
 * checked-out client runs statements one by one (autocommit, as pg does). BEGIN opens a real PGlite
 * transaction held until COMMIT/ROLLBACK: PGlite's own mutex then keeps the app's drizzle
 * transactions from interleaving with the saver's, which is the lock this adapter needs.
 */
export function pgliteAsPool(client: PGlite) {
  const toResult = (r: { rows: unknown[]; affectedRows?: number }): QueryResult => ({ rows: r.rows as any[], rowCount: r.affectedRows ?? r.rows.length });
  const empty: QueryResult = { rows: [], rowCount: 0 };
  return {
    async query(text: string, params?: unknown[]) {
      return toResult(await client.query(text, params as any[]));
    },
    async connect(): Promise<PoolClient> {
      let failure: unknown = null;
      let open: { tx: Transaction; finish: (commit: boolean) => void; done: Promise<void> } | null = null;
      const begin = () =>
        new Promise<void>((ready, fail) => {
          let finish!: (commit: boolean) => void;
          const decided = new Promise<boolean>((r) => (finish = r));
          const done = client.transaction(async (tx) => {
            open = { tx, finish, done };
            ready();
            if (!(await decided) && !tx.closed) await tx.rollback();
          }).then(() => undefined, (err) => { fail(err); failure = err; });
        });
      const end = async (commit: boolean) => {
        const o = open as { finish: (c: boolean) => void; done: Promise<void> } | null;
        open = null;
        if (!o) return;
        o.finish(commit);
        await o.done;
        if (failure) throw failure;
      };
      return {
        async query(text, params) {
          const verb = text.trim().toUpperCase();
          if (verb === "BEGIN") return begin().then(() => empty);
          if (verb === "COMMIT") return end(true).then(() => empty);
          if (verb === "ROLLBACK") return end(false).then(() => empty);
          const o = open as { tx: Transaction } | null;
          return toResult(o ? await o.tx.query(text, params as any[]) : await client.query(text, params as any[]));
        },
        // A client released mid-transaction (never done by the saver) rolls back rather than leak the lock.
        release: () => void end(false).catch(() => {}),
      };
    },
    async end() {},
  };
}

/** The driver's own client under a drizzle handle: a pg.Pool on PostgreSQL, the PGlite instance embedded. */
function rawClient(db: Database["db"]): unknown {
  return (db as unknown as { $client: unknown }).$client;
}

/**
 * A ready checkpointer on the app's database (tables created on first use). Two calls on the same
 * database give two independent savers over the same rows: that is what a restart looks like.
 */
export async function createCheckpointer(database: Database): Promise<PostgresSaver> {
  const asPool = (client: unknown) =>
    database.kind === "pg" ? (client as pg.Pool) : (pgliteAsPool(client as PGlite) as unknown as pg.Pool);
  // Tables are created by the schema owner (the app's login role may not create schemas), then lent to offer_app.
  if (database.owner !== database.db) {
    const ownerPool = asPool(rawClient(database.owner));
    await new PostgresSaver(ownerPool, undefined, { schema: CHECKPOINT_SCHEMA }).setup();
    await ownerPool.query(`GRANT USAGE ON SCHEMA ${CHECKPOINT_SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${CHECKPOINT_SCHEMA} TO ${APP_ROLE}`);
    return new PostgresSaver(asPool(rawClient(database.db)), undefined, { schema: CHECKPOINT_SCHEMA });
  }
  const saver = new PostgresSaver(asPool(rawClient(database.db)), undefined, { schema: CHECKPOINT_SCHEMA });
  await saver.setup();
  return saver;
}
