import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { discountCodes, discountRedemptions, merchants } from "@/db/schema";
import type { Tx } from "@/db/database";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenant } from "./support/fixtures";

// Tenant isolation is proven against the database itself, as the application role, with raw SQL:
// no application-level filter is involved in any of these queries.

let t: TestDatabase;
let a: string;
let b: string;

async function seedTenant(tx: Tx, tenant_id: string, label: string) {
  await tx.insert(merchants).values({ tenant_id, merchant_name: `${label} merchant` });
  const [code] = await tx.insert(discountCodes).values({
    tenant_id, promo_code: `${label}10`, surface: "shopify", discount_type: "percentage", value: 10, issuer_type: "human",
  }).returning();
  await tx.insert(discountRedemptions).values({
    tenant_id, kind: "redemption", code_id: code.code_id, promo_code: code.promo_code, surface: "shopify",
    customer_id: "c1", order_total_cents: 1000, discount_cents: 100, budget_period_start: "2026-11-01",
  });
}

const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  t = await createTestDatabase();
  a = (await makeTenant(t.database, { name: "A" })).tenant_id;
  b = (await makeTenant(t.database, { name: "B" })).tenant_id;
  await t.database.withTenant(a, (tx) => seedTenant(tx, a, "AAA"));
  await t.database.withTenant(b, (tx) => seedTenant(tx, b, "BBB"));
});
afterAll(() => t.cleanup());

describe("row-level security as the application role", () => {
  it("runs tenant transactions as a role that is neither superuser, owner, nor RLS-exempt", async () => {
    const [me] = rows(await t.database.withTenant(a, (tx) =>
      tx.execute(sql`select current_user as u, r.rolsuper, r.rolbypassrls,
        (select count(*) from pg_tables where tableowner = current_user) as owned
        from pg_roles r where r.rolname = current_user`)));
    expect(me).toMatchObject({ u: "offer_app", rolsuper: false, rolbypassrls: false });
    expect(Number(me.owned)).toBe(0);
  });

  it("tenant A cannot see, count, change or delete tenant B's rows", async () => {
    await t.database.withTenant(a, async (tx) => {
      const seen = rows(await tx.execute(sql`select merchant_name from merchants`));
      expect(seen.map((r) => r.merchant_name)).toEqual(["AAA merchant"]);
      const counted = rows(await tx.execute(sql`select count(*)::int as n from discount_codes where tenant_id = ${b}`));
      expect(counted[0].n).toBe(0);
      const ledger = rows(await tx.execute(sql`select count(*)::int as n from discount_redemptions`));
      expect(ledger[0].n).toBe(1);
      const updated = await tx.execute(sql`update merchants set merchant_name = 'pwned' where tenant_id = ${b} returning 1`);
      expect(rows(updated)).toHaveLength(0);
      const deleted = await tx.execute(sql`delete from discount_codes where tenant_id = ${b} returning 1`);
      expect(rows(deleted)).toHaveLength(0);
    });
    const bRows = await t.database.withTenant(b, (tx) => tx.execute(sql`select merchant_name from merchants`));
    expect(rows(bRows).map((r) => r.merchant_name)).toEqual(["BBB merchant"]);
  });

  it("tenant A cannot write a row into tenant B", async () => {
    await expect(
      t.database.withTenant(a, (tx) => tx.execute(sql`insert into merchants (tenant_id, merchant_name) values (${b}, 'planted')`)),
    ).rejects.toThrow();
  });

  it("without a tenant set, the application role sees nothing in any tenant table", async () => {
    const tables = rows(await t.database.db.execute(sql`
      select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`));
    expect(tables.length).toBeGreaterThanOrEqual(19);
    await t.database.withSystem(async (tx) => {
      await tx.execute(sql`select set_config('role', 'offer_app', true)`);
      for (const { table_name } of tables) {
        const [r] = rows(await tx.execute(sql.raw(`select count(*)::int as n from "${table_name}"`)));
        expect(r.n, String(table_name)).toBe(0);
      }
    });
  });

  it("every tenant-owned table has forced RLS and a tenant_id-leading primary key", async () => {
    const found = rows(await t.database.db.execute(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
        (select count(*) from pg_policies p where p.tablename = c.relname) as policies,
        (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = c.oid and i.indisprimary) as pk_first
      from pg_class c join information_schema.columns col on col.table_name = c.relname
      where col.table_schema = 'public' and col.column_name = 'tenant_id' and c.relkind = 'r'`));
    for (const r of found) {
      expect(r, String(r.relname)).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, pk_first: "tenant_id" });
      expect(Number(r.policies), String(r.relname)).toBeGreaterThan(0);
    }
  });
});

describe("append-only ledger", () => {
  it("refuses UPDATE and DELETE of redemption rows, for the app role and for the owner", async () => {
    await expect(t.database.withTenant(a, (tx) => tx.execute(sql`update discount_redemptions set discount_cents = 0`))).rejects.toThrow();
    await expect(t.database.withTenant(a, (tx) => tx.execute(sql`delete from discount_redemptions`))).rejects.toThrow();
    for (const stmt of [sql`update discount_redemptions set discount_cents = 0`, sql`delete from discount_redemptions`]) {
      const err = await t.database.withOwner((tx) => tx.execute(stmt)).then(() => null, (e) => e);
      expect(String(err?.cause?.message ?? err?.message)).toMatch(/append-only/);
    }
    const [r] = rows(await t.database.withTenant(a, (tx) => tx.execute(sql`select discount_cents from discount_redemptions`)));
    expect(Number(r.discount_cents)).toBe(100);
  });
});
