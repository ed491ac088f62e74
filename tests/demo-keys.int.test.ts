import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "@/core/auth/keys";
import { issueApiKey } from "@/db/api-keys";
import { getSetting, PLATFORM_KEY_SETTING } from "@/db/platform-settings";
import { ensureDemoSeed, revokeDemoKeys } from "@/db/seed";
import { apiKeys } from "@/db/schema";
import { authenticate } from "@/tools/authenticate";
import { createTestDatabase, type TestDatabase } from "./support/db";

// Issue 11: the generated platform key is handed out once and only its hash is kept; demo keys are marked
// demo so one call revokes them all, and other keys of the tenant keep working.

let t: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "oc-demo-keys-"));

beforeAll(async () => { t = await createTestDatabase(); });
afterAll(() => t.cleanup());

describe("demo keys and the generated platform key", () => {
  it("shows the platform key once, stores only its hash, and writes it nowhere", async () => {
    const first = await ensureDemoSeed(t.database, { dataDir });
    expect(first.platform_key).toMatch(/^ocp_/);
    expect(await getSetting(t.database, PLATFORM_KEY_SETTING)).toBe(hashSecret(first.platform_key!));
    const file = readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8");
    expect(file).not.toContain(first.platform_key!);
    const again = await ensureDemoSeed(t.database, { dataDir });
    expect(again.platform_key).toBeNull();
    expect(await authenticate(t.database, `Bearer ${first.platform_key}`)).toMatchObject({ role: "platform" });
  });

  it("marks the seeded keys demo and revokes exactly those", async () => {
    const creds = await ensureDemoSeed(t.database, { dataDir });
    const rows = await t.database.withOwner((tx) => tx.select().from(apiKeys));
    expect(rows.filter((r) => r.demo)).toHaveLength(3);
    const real = await issueApiKey(t.database, { tenantId: creds.tenant_id, role: "admin", label: "real" });
    expect(await revokeDemoKeys(t.database)).toBe(3);
    for (const key of [creds.admin_key, creds.marketer_key, creds.connector_key]) {
      await expect(authenticate(t.database, `Bearer ${key}`)).rejects.toMatchObject({ code: "unauthenticated" });
    }
    expect(await authenticate(t.database, `Bearer ${real.key}`)).toMatchObject({ role: "admin" });
    expect(await revokeDemoKeys(t.database)).toBe(0);
  });
});
