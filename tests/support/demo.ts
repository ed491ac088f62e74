import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DemoCredentials, ensureDemoSeed } from "@/db/seed";
import { authenticate } from "@/tools/authenticate";
import type { Caller } from "@/tools/context";
import { createTestDatabase, type TestDatabase } from "./db";

/** What an agent test starts from: the tenant `npm start` seeds, and its admin and marketer as callers. */
export type DemoDatabase = { t: TestDatabase; creds: DemoCredentials; admin: Caller; marketer: Caller };

/** A fresh test database seeded exactly like the app's first start (CONTRACT §5), clock injected. */
export async function createDemoDatabase(now: Date): Promise<DemoDatabase> {
  const t = await createTestDatabase();
  const creds = await ensureDemoSeed(t.database, { dataDir: mkdtempSync(path.join(os.tmpdir(), "oc-demo-")), now });
  const admin = await authenticate(t.database, `Bearer ${creds.admin_key}`);
  const marketer = await authenticate(t.database, `Bearer ${creds.marketer_key}`);
  return { t, creds, admin, marketer };
}
