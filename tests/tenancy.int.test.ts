import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";

let t: TestDatabase;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database);
});
afterAll(() => t.cleanup());

describe("tenants and keys (CONTRACT §1)", () => {
  it("platform creates a tenant; other roles and anonymous callers cannot", async () => {
    const created = await call("POST", "/api/tenants", { key: TEST_PLATFORM_KEY, body: { name: "Acme", currency: "EUR" } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ tenant_id: expect.any(String), name: "Acme", currency: "EUR" });

    const { admin } = await makeTenantWithKeys(t.database);
    expect((await call("POST", "/api/tenants", { key: admin.key, body: { name: "X" } })).status).toBe(403);
    const anon = await call("POST", "/api/tenants", { body: { name: "X" } });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe("unauthenticated");
    expect((await call("POST", "/api/tenants", { key: "ock_garbage", body: { name: "X" } })).status).toBe(401);
  });

  it("issues keys that work at once, stores only a hash, and revocation stops them at once", async () => {
    const tenant = await call("POST", "/api/tenants", { key: TEST_PLATFORM_KEY, body: { name: "Keys Inc" } });
    const tenantId = tenant.body.tenant_id;
    const issued = await call("POST", `/api/tenants/${tenantId}/api-keys`, { key: TEST_PLATFORM_KEY, body: { role: "admin", label: "ops" } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ role: "admin", provider: null, key: expect.stringMatching(/^ock_/) });

    const [row] = await t.database.withOwner((tx) => tx.select().from(apiKeys).where(eq(apiKeys.api_key_id, issued.body.api_key_id)));
    expect(JSON.stringify(row)).not.toContain(issued.body.key.split("_").pop());

    // The new admin key can manage its own tenant's keys.
    const connector = await call("POST", `/api/tenants/${tenantId}/api-keys`, {
      key: issued.body.key, body: { role: "connector", provider: "shopify" },
    });
    expect(connector.status).toBe(201);
    expect(connector.body.provider).toBe("shopify");

    expect((await call("DELETE", `/api/api-keys/${issued.body.api_key_id}`, { key: TEST_PLATFORM_KEY })).status).toBe(204);
    const after = await call("POST", `/api/tenants/${tenantId}/api-keys`, { key: issued.body.key, body: { role: "marketer" } });
    expect(after.status).toBe(401);
    // A tampered secret with a valid id fails too.
    const tampered = connector.body.key.slice(0, -1) + (connector.body.key.endsWith("A") ? "B" : "A");
    expect((await call("POST", `/api/tenants/${tenantId}/api-keys`, { key: tampered, body: { role: "marketer" } })).status).toBe(401);
  });

  it("answers 404 for another tenant's ids and 403 for the wrong role", async () => {
    const a = await makeTenantWithKeys(t.database);
    const b = await makeTenantWithKeys(t.database);
    const cross = await call("POST", `/api/tenants/${b.tenantId}/api-keys`, { key: a.admin.key, body: { role: "admin" } });
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe("not_found");
    expect((await call("DELETE", `/api/api-keys/${b.marketer.api_key_id}`, { key: a.admin.key })).status).toBe(404);
    // b's marketer key still works after a's failed attempt.
    expect((await call("POST", `/api/tenants/${b.tenantId}/api-keys`, { key: b.marketer.key, body: { role: "admin" } })).status).toBe(403);
    expect((await call("DELETE", `/api/api-keys/${b.marketer.api_key_id}`, { key: b.connector.key })).status).toBe(403);
    expect((await call("DELETE", `/api/api-keys/${crypto.randomUUID()}`, { key: TEST_PLATFORM_KEY })).status).toBe(404);
  });
});

describe("bad input never reaches a 5xx", () => {
  it("malformed JSON, wrong types, oversized strings and non-objects are 400 invalid_input with field details", async () => {
    const bad = [
      { rawBody: '{"name":', headers: { "content-type": "application/json" } },
      { body: { name: 42 } },
      { body: { name: "x".repeat(10_000) } },
      { body: { name: "ok", currency: "dollars" } },
      { body: { name: "ok", tenant_id: "sneaky" } },
      { rawBody: "[1,2]", headers: { "content-type": "application/json" } },
    ];
    for (const req of bad) {
      const res = await call("POST", "/api/tenants", { key: TEST_PLATFORM_KEY, ...req });
      expect(res.status, JSON.stringify(req).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    }
    const typed = await call("POST", "/api/tenants", { key: TEST_PLATFORM_KEY, body: { name: 42 } });
    expect(typed.body.error.details.fields).toEqual([expect.objectContaining({ field: "name" })]);
  });

  it("a connector key needs a provider; roles outside the tenant set are refused", async () => {
    const { tenantId } = await makeTenantWithKeys(t.database);
    const noProvider = await call("POST", `/api/tenants/${tenantId}/api-keys`, { key: TEST_PLATFORM_KEY, body: { role: "connector" } });
    expect(noProvider.status).toBe(400);
    expect(noProvider.body.error.details.fields[0].field).toBe("provider");
    const platform = await call("POST", `/api/tenants/${tenantId}/api-keys`, { key: TEST_PLATFORM_KEY, body: { role: "platform" } });
    expect(platform.status).toBe(400);
  });

  it("a malformed path id is a 404 like any unknown id; unknown routes 404; wrong methods 405", async () => {
    expect((await call("POST", "/api/tenants/not-a-uuid/api-keys", { key: TEST_PLATFORM_KEY, body: { role: "admin" } })).status).toBe(404);
    expect((await call("GET", "/api/nothing-here", { key: TEST_PLATFORM_KEY })).status).toBe(404);
    const wrong = await call("GET", "/api/tenants", { key: TEST_PLATFORM_KEY });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });
});
