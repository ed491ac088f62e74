import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { embeddedFetch } from "@/app/api/copilotkit/embed";
import { issueApiKey } from "@/db/api-keys";
import { getEmbedded } from "@/server/copilot-embed";
import type { Caller } from "@/tools/context";
import { claimThread, ownsThread } from "@/tools/copilot";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";

// Issue 10 door 9: a copilot thread belongs to the API key that opened it. Another tenant, and another
// key of the same tenant (even an admin), finds it unknown (404) and cannot resume it.

let t: TestDatabase;
let marketer: Caller;
let colleague: Caller;
let admin: Caller;
let foreign: Caller;

const as = (tenantId: string, role: Caller["role"], apiKeyId: string): Caller => ({ tenantId, role, apiKeyId, provider: null, issuerType: "human" });

beforeAll(async () => {
  t = await createTestDatabase();
  const ta = await makeTenantWithKeys(t.database);
  const tb = await makeTenantWithKeys(t.database);
  marketer = as(ta.tenantId, "marketer", ta.marketer.api_key_id);
  admin = as(ta.tenantId, "admin", ta.admin.api_key_id);
  // A second marketer key of the same tenant: the "colleague with the link".
  colleague = as(ta.tenantId, "marketer", (await issueApiKey(t.database, { tenantId: ta.tenantId, role: "marketer" })).api_key_id);
  foreign = as(tb.tenantId, "admin", tb.admin.api_key_id);
});
afterAll(() => t.cleanup());

const json = { "content-type": "application/json" };

describe("copilot threads belong to the key that opened them", () => {
  it("only the opening key owns or can claim a thread id", async () => {
    const id = randomUUID();
    expect(await claimThread(t.database, marketer, id)).toBe(true);
    expect(await claimThread(t.database, marketer, id)).toBe(true);
    expect(await ownsThread(t.database, marketer, id)).toBe(true);
    for (const other of [admin, colleague, foreign]) {
      expect(await ownsThread(t.database, other, id)).toBe(false);
      expect(await claimThread(t.database, other, id)).toBe(false);
    }
    // A caller without a key (the platform, an in-process demo caller) owns no thread.
    expect(await claimThread(t.database, { ...marketer, apiKeyId: null }, randomUUID())).toBe(false);
  });

  it("the embedded LangGraph API answers 404 to every other caller, resume included, and nothing changes", async () => {
    const embedded = await getEmbedded({ db: t.database, now: () => new Date() });
    const owner = embeddedFetch(embedded, marketer, t.database);
    const id = randomUUID();
    const created = await owner("http://embedded/threads", { method: "POST", body: JSON.stringify({ thread_id: id, metadata: {} }), headers: json });
    expect(created.status).toBe(200);
    const before = await (await owner(`http://embedded/threads/${id}/state`)).json();

    for (const other of [admin, colleague, foreign]) {
      const f = embeddedFetch(embedded, other, t.database);
      expect((await f(`http://embedded/threads/${id}`)).status).toBe(404);
      expect((await f(`http://embedded/threads/${id}/state`)).status).toBe(404);
      const resume = await f(`http://embedded/threads/${id}/runs/stream`, {
        method: "POST", headers: json,
        body: JSON.stringify({ assistant_id: "offer_copilot", command: { resume: { action: "confirm" } } }),
      });
      expect(resume.status).toBe(404);
      const stolen = await f("http://embedded/threads", { method: "POST", body: JSON.stringify({ thread_id: id }), headers: json });
      expect(stolen.status).toBe(409);
      expect(await (await f("http://embedded/threads/search", { method: "POST", body: "{}" })).json()).toEqual([]);
    }
    expect((await owner(`http://embedded/threads/${id}`)).status).toBe(200);
    expect(await (await owner(`http://embedded/threads/${id}/state`)).json()).toEqual(before);
  });
});
