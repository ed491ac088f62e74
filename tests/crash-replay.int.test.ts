import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./e2e/support/app-server";
import { createTestDatabase, type TestDatabase, testDbKind } from "./support/db";

// Issue 11: kill the app (SIGKILL) in the middle of a redeem load, start it again on the same data, and replay
// every Idempotency-Key. Answers given before the crash come back unchanged, and the ledger, the code's counter
// and the budget's spend agree with each other and do not move on a second replay. Embedded PGlite and PostgreSQL.

const ROOT = path.resolve(__dirname, "..");
const PLATFORM = `ocp_crash_${randomUUID().replace(/-/g, "")}`;
let dataDir: string;
let pgDb: TestDatabase | null = null;

type App = { url: string; child: ChildProcess; exited: Promise<number | null> };
type Reply = { status: number; body: any };

async function startApp(): Promise<App> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_SEED: "true", PLATFORM_API_KEY: PLATFORM, NODE_ENV: "production",
    DATABASE_URL: pgDb?.url ?? "", DATABASE_OWNER_URL: pgDb?.ownerUrl ?? "", OPENAI_API_KEY: "",
    NEXT_TELEMETRY_DISABLED: "1", COPILOTKIT_TELEMETRY_DISABLED: "true", DO_NOT_TRACK: "1", LANGSMITH_TRACING: "false",
  };
  const args = ["--import", "tsx", "tests/support/api-server-main.ts"];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => { out += d; if (out.includes("READY")) resolve(); });
    child.stderr!.on("data", (d) => { out += d; });
    void exited.then((code) => reject(new Error(`app exited (${code}) before it was ready:\n${out.slice(-3000)}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, exited };
}

async function call(app: App, key: string, method: string, p: string, body?: unknown, idem?: string): Promise<Reply> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (idem) headers["idempotency-key"] = idem;
  const r = await fetch(`${app.url}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Ledger count and sum, the code's use counter, and the budget's spend, all read through the API. */
async function totals(app: App, admin: string, codeId: string) {
  let offset = 0;
  let count = 0;
  let sum = 0;
  for (;;) {
    const page = await call(app, admin, "GET", `/dashboard/redemptions?code_id=${codeId}&limit=100&offset=${offset}`);
    expect(page.status).toBe(200);
    for (const r of page.body.redemptions) { count += 1; sum += r.discount_cents; }
    offset += 100;
    if (offset >= page.body.total_count) break;
  }
  const code = await call(app, admin, "GET", `/dashboard/promo-codes/${codeId}`);
  const budget = await call(app, admin, "GET", "/api/budget");
  return { ledgerCount: count, ledgerSum: sum, uses: code.body.redemption_count, spent: budget.body.spent_cents };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "oc-crash-"));
  if (testDbKind() === "pg") pgDb = await createTestDatabase();
});
afterAll(async () => {
  await pgDb?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("crash mid-redeem-load, restart, replay", () => {
  it("gives the same answers, ledger, counters and spend", async () => {
    let app = await startApp();
    const creds = JSON.parse(readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8"));
    const codeBody = { surface: "shopify", discount_type: "percentage", value: 10 };
    const code = await call(app, creds.admin_key, "POST", "/dashboard/promo-codes", codeBody);
    expect(code.status).toBe(201);
    const body = (i: number) =>
      ({ promo_code: code.body.promo_code, surface: "shopify", order_total_cents: 10_000 + i, customer_id: `cust-${i}` });
    const redeem = (i: number) => call(app, creds.connector_key, "POST", "/dashboard/promo-codes/redeem", body(i), keys[i]);
    const keys = Array.from({ length: 160 }, () => randomUUID());
    const before = new Map<string, Reply>();
    // Eight callers; the app is killed once 40 answers are in, with requests still in flight.
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < keys.length && !killed) {
        const i = next++;
        try {
          const r = await redeem(i);
          before.set(keys[i], r);
          if (before.size >= 40 && !killed) { killed = true; app.child.kill("SIGKILL"); }
        } catch { /* connection dropped by the kill */ }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await app.exited;
    expect(before.size).toBeGreaterThanOrEqual(40);

    app = await startApp();
    const replay = async () => {
      const out = new Map<string, Reply>();
      for (let i = 0; i < keys.length; i++) out.set(keys[i], await redeem(i));
      return out;
    };
    const first = await replay();
    for (const [k, r] of before) expect(first.get(k), k).toEqual(r);
    const ok = [...first.values()].filter((r) => r.status === 201);
    expect(ok.length).toBe(keys.length);
    const t1 = await totals(app, creds.admin_key, code.body.code_id);
    expect(t1.ledgerCount).toBe(ok.length);
    expect(t1.uses).toBe(t1.ledgerCount);
    expect(t1.ledgerSum).toBe(ok.reduce((s, r) => s + r.body.discount_cents, 0));
    expect(t1.spent).toBe(t1.ledgerSum);

    const second = await replay();
    expect(second).toEqual(first);
    expect(await totals(app, creds.admin_key, code.body.code_id)).toEqual(t1);

    // A clean stop (SIGTERM closes the database) and another start keep every row.
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    app = await startApp();
    expect(await totals(app, creds.admin_key, code.body.code_id)).toEqual(t1);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    console.log(`[crash-replay ${testDbKind()}] answered before the kill: ${before.size}/${keys.length}; `
      + `ledger ${t1.ledgerCount} rows, ${t1.ledgerSum} cents = spend ${t1.spent}`);
  }, 240_000);
});
