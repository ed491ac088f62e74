import http from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "@/tools";
import type { AppDeps } from "@/tools/transports/http";
import { buildOpenApi } from "@/tools/transports/openapi";
import { createApiApp } from "@/server/api";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { TEST_PLATFORM_KEY } from "./support/http";

// The lean API server (server/api.ts) over real HTTP on loopback: the same app npm start mounts in front of Next.
// Bodies are bounded while they stream (chunked, no Content-Length), health really asks the database, 404/405.

let t: TestDatabase;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let base: string;
let server: http.Server;

function serve(getDeps: () => Promise<AppDeps>): Promise<{ server: http.Server; url: string }> {
  const s = http.createServer(getRequestListener(createApiApp(getDeps).fetch));
  return new Promise((r) => s.listen(0, "127.0.0.1", () => r({ server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` })));
}

/** Sends `size` bytes in 64 KiB chunks with Transfer-Encoding: chunked (no Content-Length to trust). */
function chunked(url: string, path: string, size: number, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method: "POST", headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? undefined : reject(err)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
  const deps: AppDeps = { db: t.database, now: () => new Date(), platformKey: TEST_PLATFORM_KEY };
  ({ server, url: base } = await serve(async () => deps));
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await t?.cleanup();
});

describe("lean API server", () => {
  it("serves the OpenAPI document built from the route table", async () => {
    const res = await fetch(`${base}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApi(ROUTES))));
  });

  it("answers 404 for unknown paths and 405 with Allow for known paths under another method", async () => {
    const missing = await fetch(`${base}/dashboard/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const wrong = await fetch(`${base}/api/budget`, { method: "DELETE", headers: { authorization: `Bearer ${keys.admin.key}` } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toContain("GET");
  });

  it("routes static segments before parameters and accepts a trailing slash", async () => {
    const auth = { authorization: `Bearer ${keys.admin.key}` };
    const types = await fetch(`${base}/dashboard/offers/types/`, { headers: auth });
    expect(types.status).toBe(200);
    expect(await types.json()).toHaveProperty("total_count");
  });

  it("refuses a chunked JSON body over 1 MiB with 413 payload_too_large", async () => {
    const res = await chunked(base, "/dashboard/promo-codes/validate", 2 * 1024 * 1024, {
      authorization: `Bearer ${keys.connector.key}`, "content-type": "application/json",
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const res = await fetch(`${base}/dashboard/promo-codes/validate`, {
      method: "POST", headers: { authorization: `Bearer ${keys.connector.key}`, "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
  });

  it("lets a CSV upload past 1 MiB through and refuses one over 10 MiB", async () => {
    const path = "/dashboard/offers/00000000-0000-4000-8000-000000000000/customer-lists";
    const headers = { authorization: `Bearer ${keys.admin.key}`, "content-type": "text/csv" };
    const ok = await chunked(base, path, 2 * 1024 * 1024, headers);
    expect(ok.status).not.toBe(413);
    const big = await chunked(base, path, 11 * 1024 * 1024, headers);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
  });

  it("bounds MCP bodies the same way", async () => {
    const res = await chunked(base, "/api/mcp", 2 * 1024 * 1024, {
      authorization: `Bearer ${keys.admin.key}`, "content-type": "application/json", accept: "application/json, text/event-stream",
    });
    expect(res.status).toBe(413);
  });

  it("reads Idempotency-Key from the header only: a body field does not stand in for it", async () => {
    const res = await fetch(`${base}/dashboard/promo-codes/redeem`, {
      method: "POST", headers: { authorization: `Bearer ${keys.connector.key}`, "content-type": "application/json" },
      body: JSON.stringify({ promo_code: "NOPE", surface: "shopify", order_total_cents: 1000, customer_id: "c1", idempotency_key: "k1" }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain("Idempotency-Key");
  });

  it("health queries the database: 200 while it answers, 503 unavailable with Retry-After when it does not", async () => {
    const ok = await fetch(`${base}/api/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    const dead = await createTestDatabase();
    await dead.cleanup();
    const down = await serve(async () => ({ db: dead.database, now: () => new Date() }));
    try {
      const res = await fetch(`${down.url}/api/health`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("unavailable");
    } finally {
      down.server.closeAllConnections();
      down.server.close();
    }
  });
});
