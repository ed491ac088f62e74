import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMcpRequest } from "@/server/mcp";
import { makeTenantWithKeys } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { TEST_PLATFORM_KEY } from "./support/http";
import { type Served, serveFetch } from "./support/node-http";

// The official MCP inspector CLI (a client we did not write) against /api/mcp on a real HTTP server:
// `tools/list --strict` exits non-zero on an error-severity schema portability problem.

const run = promisify(execFile);
const CLI = path.resolve("node_modules/.bin/mcp-inspector");
const env = { ...process.env, DO_NOT_TRACK: "1", NO_COLOR: "1" };

let t: TestDatabase;
let served: Served;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;

beforeAll(async () => {
  t = await createTestDatabase();
  keys = await makeTenantWithKeys(t.database);
  served = await serveFetch((req) => handleMcpRequest(req, { db: t.database, now: () => new Date(), platformKey: TEST_PLATFORM_KEY }));
});
afterAll(async () => {
  await served?.close();
  await t?.cleanup();
});

/** One inspector CLI call as `key`; resolves with its parsed JSON stdout, rejects on a non-zero exit. */
async function inspector(key: string, ...args: string[]): Promise<any> {
  const { stdout } = await run(CLI, [
    "--cli", `${served.url}/api/mcp`, "--transport", "http", "--header", `Authorization: Bearer ${key}`, ...args,
  ], { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

describe("MCP inspector CLI", () => {
  it.each(["admin", "marketer", "connector"] as const)("passes tools/list --strict for a %s key", async (role) => {
    const out = await inspector(keys[role].key, "--method", "tools/list", "--strict");
    const tools = out.tools as { name: string; outputSchema?: { type: string } }[];
    expect(tools.length).toBeGreaterThan(5);
    expect(tools.filter((x) => x.outputSchema?.type !== "object").map((x) => x.name)).toEqual([]);
  });

  it("calls a read tool and gets structuredContent", async () => {
    const out = await inspector(keys.admin.key, "--method", "tools/call", "--tool-name", "list_discount_codes", "--tool-arg", "limit=5");
    expect(out.isError ?? false).toBe(false);
    expect(out.structuredContent).toMatchObject({ total_count: 0, limit: 5 });
  });
});
