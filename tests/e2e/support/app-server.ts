import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Starts the REAL app for browser tests: `node scripts/start.mjs` (builds into its own dist dir when
// sources changed, then server/main.ts: the lean API in front of Next) on a free port with a fresh DATA_DIR
// and the demo seed. global-setup.ts starts ONE for the whole browser suite; files read it with `sharedApp()`.

export type DemoKeys = { tenant_id: string; admin_key: string; marketer_key: string; connector_key: string; platform_key: string | null };
export type RunningApp = { baseUrl: string; dataDir: string; demo: DemoKeys; stop: () => Promise<void> };
/** What the global setup hands to every browser test file. */
export type SharedApp = Omit<RunningApp, "stop">;

const ROOT = path.resolve(__dirname, "../../..");
export const DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}) before it was healthy:\n${log().slice(-4000)}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app was not healthy within ${timeoutMs / 1000}s:\n${log().slice(-4000)}`);
}

/**
 * Builds if needed and serves the app; `stop()` kills the whole process group and removes DATA_DIR. The platform
 * key is chosen here (PLATFORM_API_KEY): the app stores only hashes. `opts.env` overrides settings; with
 * `opts.demo: false` no demo seed is expected (demo is then empty). `reuseBuild` serves the suite's existing build
 * (server/main.ts directly) instead of rebuilding when sources changed: for a second app in the same run.
 */
export async function startApp(opts: { env?: Record<string, string>; demo?: boolean; reuseBuild?: boolean } = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "oc-e2e-data-"));
  const platformKey = `ocp_e2e_${randomBytes(24).toString("hex")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", NEXT_SKIP_TYPECHECK: "1", PORT: String(port), DATA_DIR: dataDir, DEMO_SEED: "true", NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1", COPILOTKIT_TELEMETRY_DISABLED: "true", DO_NOT_TRACK: "1", LANGSMITH_TRACING: "false",
    NEXT_IGNORE_INCORRECT_LOCKFILE: "1", OPENAI_API_KEY: "", DATABASE_URL: "", PLATFORM_API_KEY: platformKey,
    ...opts.env,
  };
  let output = "";
  // E2E_REUSE_BUILD=1: serve the build already in the dist dir, even if sources changed since (busy shared trees).
  const reuse = opts.reuseBuild ?? process.env.E2E_REUSE_BUILD === "1";
  const args = reuse ? ["--import", "tsx", "server/main.ts"] : ["scripts/start.mjs"];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => { output += d; });
  child.stderr!.on("data", (d) => { output += d; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
      await new Promise((r) => setTimeout(r, 500));
      try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output, 900_000); // includes the build on a busy machine
    const credsPath = path.join(dataDir, "demo-credentials.json");
    if (opts.demo === false) return { baseUrl, dataDir, demo: { platform_key: platformKey } as DemoKeys, stop };
    if (!existsSync(credsPath)) throw new Error("The demo seed did not write demo-credentials.json");
    const demo = { ...(JSON.parse(readFileSync(credsPath, "utf8")) as DemoKeys), platform_key: platformKey };
    return { baseUrl, dataDir, demo, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Debian chromium; installed on demand because `npx playwright install` cannot download here. */
export function chromiumPath(): string {
  const p = "/usr/bin/chromium";
  if (!existsSync(p)) spawnSync("sh", ["-c", "apt-get update && apt-get install -y chromium"], { stdio: "inherit" });
  if (!existsSync(p)) throw new Error("chromium is not installed (apt-get install -y chromium)");
  return p;
}

/** The suite's one running app (started by global-setup.ts); a file never starts or stops its own. */
export async function sharedApp(): Promise<SharedApp> {
  const { inject } = await import("vitest");
  return inject("e2eApp");
}
