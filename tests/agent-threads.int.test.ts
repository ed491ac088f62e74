import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { claimThread, ownsThread } from "@/agent/threads";
import { embeddedFetch, getEmbedded } from "@/app/api/copilotkit/embed";
import type { Caller } from "@/tools/context";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";

let t: TestDatabase;
let a: Caller;
let b: Caller;

beforeAll(async () => {
  t = await createTestDatabase();
  const ta = await makeTenantWithKeys(t.database);
  const tb = await makeTenantWithKeys(t.database);
  a = { tenantId: ta.tenantId, role: "admin", apiKeyId: ta.admin.api_key_id, provider: null, issuerType: "human" };
  b = { tenantId: tb.tenantId, role: "admin", apiKeyId: tb.admin.api_key_id, provider: null, issuerType: "human" };
});
afterAll(() => t.cleanup());

describe("copilot threads belong to one tenant", () => {
  it("a claimed thread id cannot be claimed or seen by another tenant", async () => {
    const id = randomUUID();
    expect(await claimThread(t.database, a.tenantId!, id, a.apiKeyId)).toBe(true);
    expect(await claimThread(t.database, a.tenantId!, id, a.apiKeyId)).toBe(true);
    expect(await ownsThread(t.database, a.tenantId!, id)).toBe(true);
    expect(await ownsThread(t.database, b.tenantId!, id)).toBe(false);
    expect(await claimThread(t.database, b.tenantId!, id, b.apiKeyId)).toBe(false);
  });

  it("the embedded LangGraph API answers another tenant's thread as unknown, from the database not memory", async () => {
    const embedded = await getEmbedded({ db: t.database, now: () => new Date() });
    const asA = embeddedFetch(embedded, a, t.database);
    const asB = embeddedFetch(embedded, b, t.database);
    const id = randomUUID();
    const created = await asA("http://embedded/threads", { method: "POST", body: JSON.stringify({ thread_id: id, metadata: {} }), headers: { "content-type": "application/json" } });
    expect(created.status).toBe(200);
    expect((await asA(`http://embedded/threads/${id}`)).status).toBe(200);
    expect((await asB(`http://embedded/threads/${id}`)).status).toBe(404);
    expect((await asB(`http://embedded/threads/${id}/state`)).status).toBe(404);
    const stolen = await asB("http://embedded/threads", { method: "POST", body: JSON.stringify({ thread_id: id }), headers: { "content-type": "application/json" } });
    expect(stolen.status).toBe(409);
    expect(await (await asB("http://embedded/threads/search", { method: "POST", body: "{}" })).json()).toEqual([]);
  });
});
