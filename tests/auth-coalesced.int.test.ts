import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { authenticate } from "@/tools/authenticate";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";

// Issue 12: API-key lookups of concurrent requests share one statement (tools/authenticate.ts). Sharing must not
// blur callers: a burst of keys of two tenants and three roles resolves each to its own tenant and role, a wrong
// secret or a malformed key in the burst is refused alone, and a key revoked between two bursts is refused in the
// second (coalesced, never cached).

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

const auth = (key: string) => authenticate(t.database, `Bearer ${key}`).then((c) => ({ tenant: c.tenantId, role: c.role }), (e) => e.code as string);

describe("coalesced API-key lookups", () => {
  it("a burst of 40 resolves every key to its own tenant and role; bad keys are refused alone", async () => {
    const a = await makeTenantWithKeys(t.database);
    const b = await makeTenantWithKeys(t.database);
    const good = [a.admin, a.marketer, a.connector, b.admin, b.marketer, b.connector];
    // The right key id with a wrong secret, and a key that is no key at all.
    const forged = `${a.admin.key.slice(0, -4)}AAAA`;
    const burst = Array.from({ length: 40 }, (_, i) => (i % 8 === 6 ? forged : i % 8 === 7 ? "oc_not-a-key" : good[i % 6].key));
    const results = await Promise.all(burst.map(auth));
    results.forEach((r, i) => {
      if (burst[i] === forged || burst[i] === "oc_not-a-key") return expect(r, `request ${i}`).toBe("unauthenticated");
      const k = good.find((g) => g.key === burst[i])!;
      expect(r, `request ${i}`).toEqual({ tenant: k === a.admin || k === a.marketer || k === a.connector ? a.tenantId : b.tenantId, role: k.role });
    });
    expect(results.filter((r) => r === "unauthenticated")).toHaveLength(10);
  });

  it("a key revoked between two bursts is refused in the second, while the others still pass", async () => {
    const a = await makeTenantWithKeys(t.database);
    const first = await Promise.all([auth(a.connector.key), auth(a.admin.key)]);
    expect(first).toEqual([{ tenant: a.tenantId, role: "connector" }, { tenant: a.tenantId, role: "admin" }]);
    await t.database.withOwner((tx) => tx.update(apiKeys).set({ revoked_at: sql`now()` }).where(sql`api_key_id = ${a.connector.api_key_id}`));
    const second = await Promise.all([auth(a.connector.key), auth(a.admin.key)]);
    expect(second).toEqual(["unauthenticated", { tenant: a.tenantId, role: "admin" }]);
  });
});
