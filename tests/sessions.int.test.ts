import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { hashSecret } from "@/core/auth/keys";
import { apiKeys, browserSessions } from "@/db/schema";
import { createSession, resolveSession, revokeSession } from "@/tools/sessions";
import { revokeApiKey } from "@/tools/tenancy/tools";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys, toolCtx } from "./support/fixtures";
import { TEST_PLATFORM_KEY } from "./support/http";

// Server-side browser sessions (CONTRACT §7) against the real database functions: hashed ids, idle and
// absolute expiry, sign-out, and a revoked or deleted key ending its sessions.

let t: TestDatabase;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;
const times = { idleMinutes: 30, maxHours: 2 };
const t0 = new Date("2026-11-27T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const open = (key: string, now = t0, platformKey?: string) => createSession(t.database, key, { now, times, platformKey });
const lookup = (id: string, now: Date, platformKey?: string) => resolveSession(t.database, id, { now, times, platformKey });
/** The stored row of a session id, read as the owner. */
const stored = (id: string) =>
  t.database.withOwner((tx) => tx.select().from(browserSessions).where(eq(browserSessions.session_hash, hashSecret(id))));
const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
});
afterAll(() => t.cleanup());

describe("browser sessions", () => {
  it("stores only the SHA-256 of a random id, and never the key", async () => {
    const s = (await open(keys.admin.key))!;
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.id).not.toContain(keys.admin.key.slice(4, 20));
    const stored = await t.database.withOwner((tx) => tx.select().from(browserSessions));
    const mine = stored.find((r) => r.session_hash === hashSecret(s.id))!;
    expect(mine).toMatchObject({ api_key_id: keys.admin.api_key_id, platform_key_hash: null, revoked_at: null });
    expect(JSON.stringify(stored)).not.toContain(s.id);
    expect(JSON.stringify(stored)).not.toContain(keys.admin.key);
  });

  it("resolves to the key's caller; a wrong key opens nothing", async () => {
    const s = (await open(keys.marketer.key))!;
    expect(await lookup(s.id, at(1))).toMatchObject({ tenantId: keys.tenantId, role: "marketer", apiKeyId: keys.marketer.api_key_id });
    expect(await open(keys.marketer.key.slice(0, -2) + "xx")).toBeNull();
    expect(await lookup("x".repeat(43), at(1))).toBeNull();
    expect(await lookup("not-an-id", at(1))).toBeNull();
  });

  it("ends after the idle time without requests, and activity keeps it alive until the absolute expiry", async () => {
    const idle = (await open(keys.admin.key))!;
    expect(await lookup(idle.id, at(31))).toBeNull();
    const busy = (await open(keys.admin.key))!;
    for (const m of [20, 40, 60, 80, 100, 119]) expect(await lookup(busy.id, at(m)), `minute ${m}`).not.toBeNull();
    expect(await lookup(busy.id, at(121))).toBeNull();
  });

  it("sign-out revokes it at once", async () => {
    const s = (await open(keys.admin.key))!;
    await revokeSession(t.database, s.id, at(1));
    expect(await lookup(s.id, at(2))).toBeNull();
  });

  it("revoking the API key ends its sessions; deleting the key deletes them", async () => {
    const extra = await makeTenantWithKeys(t.database);
    const s = (await open(extra.connector.key))!;
    expect(await lookup(s.id, at(1))).not.toBeNull();
    const asAdmin = toolCtx(t.database, { tenantId: extra.tenantId, role: "admin" });
    await revokeApiKey.execute({ api_key_id: extra.connector.api_key_id }, asAdmin);
    expect(await lookup(s.id, at(2))).toBeNull();
    const d = (await open(extra.marketer.key))!;
    await t.database.withOwner((tx) => tx.delete(apiKeys).where(eq(apiKeys.api_key_id, extra.marketer.api_key_id)));
    expect(await lookup(d.id, at(2))).toBeNull();
    expect(await stored(d.id)).toHaveLength(0);
  });

  it("a sign-in sweeps sessions a day past their expiry or revocation", async () => {
    const old = (await open(keys.admin.key))!;
    await revokeSession(t.database, old.id, at(1));
    const later = new Date(t0.getTime() + 3 * 86_400_000);
    await open(keys.admin.key, later);
    expect(await stored(old.id)).toHaveLength(0);
  });

  it("a platform session lives only as long as the platform key it was opened with", async () => {
    const s = (await open(TEST_PLATFORM_KEY, t0, TEST_PLATFORM_KEY))!;
    expect(await lookup(s.id, at(1), TEST_PLATFORM_KEY)).toMatchObject({ role: "platform", tenantId: null });
    expect(await lookup(s.id, at(2), `${TEST_PLATFORM_KEY}-rotated`)).toBeNull();
  });

  it("the app role cannot read sessions, keys or settings directly, only through the functions", async () => {
    for (const table of ["browser_sessions", "platform_settings"]) {
      const err = await t.database.withSystem((tx) => tx.execute(sql.raw(`select count(*) from ${table}`))).then(() => null, (e) => e);
      expect(String(err?.cause?.message ?? err?.message), table).toMatch(/permission denied/);
    }
    const [n] = rows(await t.database.withSystem((tx) => tx.execute(sql`select count(*)::int as n from api_keys`)));
    expect(n.n).toBe(0);
  });
});
