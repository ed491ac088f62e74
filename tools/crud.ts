import { count, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { notFound } from "@/core/errors";
import type { Tx } from "@/db/database";

// The two shapes every CRUD tool repeats, written once: a page of a table with its total (CONTRACT §0
// `{<items>, total_count, limit, offset}`), and "this row of the caller's tenant, or 404". Tool
// definitions stay explicit; only the query plumbing lives here. RLS scopes both to the tenant.

/** Which window of a list: the validated `limit`/`offset` of core/primitives' PageInput. */
export type Page = { limit: number; offset: number };
/** What paginate answers: the mapped rows under `key`, and the window with its total. */
export type PageOf<K extends string, R> = { [P in K]: R[] } & { total_count: number; limit: number; offset: number };

/**
 * One page of `table` filtered by `where`, in `orderBy` order, mapped to the API shape, with the total for
 * the same filter (why one helper: a count that forgets the filter would report a wrong total_count).
 */
export async function paginate<T extends PgTable, K extends string, R>(
  tx: Tx,
  q: { table: T; where?: SQL; orderBy: SQL[]; page: Page; key: K; map: (row: T["$inferSelect"]) => R },
): Promise<PageOf<K, R>> {
  const { table, where, orderBy, page, key, map } = q;
  const from = tx.select().from(table as PgTable) as unknown as {
    where(w?: SQL): { orderBy(...o: SQL[]): { limit(n: number): { offset(n: number): Promise<T["$inferSelect"][]> } } };
  };
  const rows = await from.where(where).orderBy(...orderBy).limit(page.limit).offset(page.offset);
  const [{ n }] = await tx.select({ n: count() }).from(table as PgTable).where(where);
  return { [key]: rows.map(map), total_count: Number(n), limit: page.limit, offset: page.offset } as PageOf<K, R>;
}

/**
 * The one row of `table` matching `where`, or a 404 naming `what` (why: every get/update/delete starts
 * so). With `lock` the row is read FOR UPDATE, so the change that follows cannot race another.
 */
export async function loadOr404<T extends PgTable>(
  tx: Tx, table: T, where: SQL | undefined, what: string, opts: { lock?: boolean } = {},
): Promise<T["$inferSelect"]> {
  const q = tx.select().from(table as PgTable).where(where).limit(1);
  const rows = (opts.lock ? await q.for("update") : await q) as T["$inferSelect"][];
  if (!rows[0]) throw notFound(what);
  return rows[0];
}
