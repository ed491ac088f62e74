#!/usr/bin/env node
// `npm start`: build the pages when needed, then run server/main.ts on PORT (default 3000), telemetry off.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const quiet = {
  NEXT_TELEMETRY_DISABLED: "1",
  COPILOTKIT_TELEMETRY_DISABLED: "true",
  DO_NOT_TRACK: "1",
  LANGSMITH_TRACING: "false",
  LANGCHAIN_TRACING_V2: "false",
  NEXT_IGNORE_INCORRECT_LOCKFILE: "1",
  SCARF_ANALYTICS: "false",
};
const env = { ...process.env, ...quiet };
const dev = process.argv.includes("--dev");
const port = env.PORT || "3000";
const distDir = env.NEXT_DIST_DIR || ".next";
const next = path.join("node_modules", ".bin", "next");

const SOURCES = ["app", "components", "lib", "agent", "core", "db", "tools", "env.ts", "next.config.ts", "instrumentation.ts", "package-lock.json"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

function needsBuild() {
  const marker = path.join(distDir, "BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((s) => newest(s) > built);
}

if (!dev && needsBuild()) {
  console.log("Building the app (first start or sources changed)…");
  const r = spawnSync(next, ["build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// One server in front of both: the lean API (REST, MCP, OpenAPI, health) and Next (pages, actions, copilot).
const serverArgs = ["--import", "tsx", "server/main.ts", ...(dev ? ["--dev"] : [])];
const child = spawn(process.execPath, serverArgs, { stdio: "inherit", env: { ...env, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
