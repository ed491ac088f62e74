import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { AppError } from "@/core/errors";
import { openPg, openPglite } from "@/db/drivers";
import { mapDbError } from "@/db/errors";
import { migrate } from "@/db/migrate";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";
import { makeTenant } from "./support/fixtures";

// Issue 11: the app's own connection is a plain login role (not superuser, not owner, no BYPASSRLS) on
// PostgreSQL; the public catalogue role sees only public rows; database waits are bounded (timeouts → 503).

let t: TestDatabase;
const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => { t = await createTestDatabase(); });
afterAll(() => t.cleanup());

describe("the app's database role", () => {
  it("runs as a role that is not superuser, owns nothing, and does not bypass RLS (on PostgreSQL: its login)", async () => {
    const [sys] = rows(await t.database.withSystem((tx) => tx.execute(sql`select current_user as u, r.rolsuper, r.rolbypassrls
      from pg_roles r where r.rolname = current_user`)));
    expect(sys).toMatchObject({ u: "offer_app", rolsuper: false, rolbypassrls: false });
    if (testDbKind() === "pglite") return; // PGlite has one built-in superuser login; the app works through offer_app.
    const [me] = rows(await t.database.db.execute(sql`select current_user as u, r.rolsuper, r.rolbypassrls,
      (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
      from pg_roles r where r.rolname = current_user`));
    expect(me).toMatchObject({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const [owner] = rows(await t.database.withOwner((tx) => tx.execute(sql`select current_user as u`)));
    expect(owner.u).not.toBe(me.u);
  });

  it("the public role sees active offers only, and nothing of codes or the ledger", async () => {
    const a = (await makeTenant(t.database)).tenant_id;
    await t.database.withTenant(a, (tx) => tx.execute(sql`insert into offers (tenant_id, offer_type, offer_status)
      values (${a}, 'percentage_discount', 'active'), (${a}, 'percentage_discount', 'draft')`));
    const seen = rows(await t.database.withPublic((tx) => tx.execute(sql`select offer_status from offers where tenant_id = ${a}`)));
    expect(seen.map((r) => r.offer_status)).toEqual(["active"]);
    for (const table of ["discount_codes", "discount_redemptions", "api_keys", "budgets"]) {
      const err = await t.database.withPublic((tx) => tx.execute(sql.raw(`select 1 from ${table} limit 1`))).then(() => null, (e) => e);
      expect(String(err?.cause?.message ?? err?.message), table).toMatch(/permission denied/);
    }
  });
});

describe("bounded waits", () => {
  it("PostgreSQL: statement, lock and idle-in-transaction timeouts on every connection; PGlite: a start timeout", async () => {
    if (testDbKind() === "pglite") return pgliteStartTimeout();
    const db = await openPg(t.url!, { poolSize: 2, timeouts: { statementMs: 1_500, lockMs: 300, idleInTransactionMs: 4_000 } });
    try {
      const [s] = rows(await db.db.execute(sql`select current_setting('statement_timeout') as st, current_setting('lock_timeout') as lt,
        current_setting('idle_in_transaction_session_timeout') as it`));
      expect(s).toEqual({ st: "1500ms", lt: "300ms", it: "4s" });
      const tenant = (await makeTenant(t.database)).tenant_id;
      // The owner holds the tenant row; the app's update waits for lock_timeout, then fails as 503 unavailable.
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      const holder = t.database.withOwner(async (tx) => {
        await tx.execute(sql`select 1 from tenants where tenant_id = ${tenant} for update`);
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      const err = await db.withTenant(tenant, (tx) => tx.execute(sql`update tenants set name = 'x' where tenant_id = ${tenant}`))
        .then(() => null, (e) => e);
      release();
      await holder;
      const mapped = mapDbError(err);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe("unavailable");
    } finally {
      await db.close();
    }
  });
});

/** On PGlite a transaction that cannot start within lockMs fails as 503 instead of queueing on. */
async function pgliteStartTimeout() {
  const db = await openPglite(undefined, { lockMs: 200 });
  await migrate(db);
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const first = db.withOwner(async () => { await held; });
    const err = await db.withSystem((tx) => tx.execute(sql`select 1`)).then(() => null, (e) => e);
    const mapped = mapDbError(err) as AppError;
    expect(mapped.code).toBe("unavailable");
    release();
    await first;
    // The abandoned transaction never runs later, and the next one starts normally.
    expect(rows(await db.withSystem((tx) => tx.execute(sql`select 1 as one`)))[0].one).toBe(1);
  } finally {
    await db.close();
  }
}
