import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Processes the HTTP bench measures: the real app started the way `npm start` starts it, and a bare node:http
// floor. Both run in their own processes so the load generator never shares an event loop with a server.

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A child process we can stop with its whole group. */
export type Running = { url: string; child: ChildProcess; stop: () => void; log: () => string };

function spawnGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, url: string): Running {
  let out = "";
  const child = spawn(cmd, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  return { url, child, stop, log: () => out };
}

async function waitFor(url: string, running: Running, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (running.child.exitCode !== null) throw new Error(`exited before ready:\n${running.log().slice(-3000)}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready within ${timeoutMs / 1000}s:\n${running.log().slice(-3000)}`);
}

/** The floor: a bare node:http server answering {"status":"ok"} and nothing else. */
export async function startFloor(): Promise<Running> {
  const port = await freePort();
  const body = JSON.stringify({ status: "ok" });
  const code = `require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"application/json"});s.end(${JSON.stringify(body)})})` +
    `.listen(${port},"127.0.0.1")`;
  const r = spawnGroup(process.execPath, ["-e", code], process.env, `http://127.0.0.1:${port}`);
  await waitFor(`${r.url}/`, r, 10_000);
  return r;
}

/** `node scripts/start.mjs` (builds the pages when needed) on PostgreSQL, no demo seed, with a known platform key. */
export async function startApp(databaseUrl: string, platformKey: string): Promise<Running & { cleanup: () => void }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "oc-bench-http-"));
  const vars = {
    PORT: String(port), DATABASE_URL: databaseUrl, DEMO_SEED: "false", DATA_DIR: dataDir, NODE_ENV: "production",
    NEXT_SKIP_TYPECHECK: "1", PLATFORM_API_KEY: platformKey,
  };
  const env = { ...process.env, ...vars } as NodeJS.ProcessEnv;
  const r = spawnGroup(process.execPath, ["scripts/start.mjs"], env, `http://127.0.0.1:${port}`);
  await waitFor(`${r.url}/api/health`, r, 900_000);
  return { ...r, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}
