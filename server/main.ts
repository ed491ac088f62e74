import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import next from "next";
import { env } from "@/env";
import { createApiApp, isApiPath } from "./api";
import { printStartBanner } from "./banner";
import { getAppDeps, getAppState } from "./deps";

// The composition root for `npm start`, `npm run dev` and the test suite's app server: one port, two
// handlers. The lean Hono app answers the machine-facing API (REST, MCP, OpenAPI, health); Next answers
// pages, server actions and /api/copilotkit. Both share this process's one database (see deps.ts).

/** Starts both handlers on PORT; resolves once listening and the database is open, migrated and seeded. */
export async function startServer(opts: { dev: boolean; port: number; hostname?: string }) {
  const state = getAppState();
  const api = getRequestListener(createApiApp(getAppDeps).fetch);
  const nextApp = next({ dev: opts.dev, dir: process.cwd(), port: opts.port, hostname: opts.hostname ?? "localhost" });
  const [nextHandler] = await Promise.all([nextApp.prepare().then(() => nextApp.getRequestHandler()), state]);
  const server = createServer((req, res) => {
    if (isApiPath(req.url ?? "/")) void api(req, res);
    else void nextHandler(req, res);
  });
  // Dev mode's hot reload speaks WebSocket through the same port.
  const upgrade = nextApp.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  // Connectors keep connections open between calls; outlive common client idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(opts.port, opts.hostname, resolve));
  await printStartBanner();
  return { server, close: () => closeAll(server, nextApp) };
}

/** Stops accepting, closes Next, then the database (PGlite flushes its files on close). */
async function closeAll(server: ReturnType<typeof createServer>, nextApp: { close?: () => Promise<void> }): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 2_000).unref();
  await closed;
  await nextApp.close?.().catch(() => {});
  const { deps } = await getAppState();
  await deps.db.close();
}

if (process.argv[1] && /server[\\/]main\.(ts|js|mjs)$/.test(process.argv[1])) {
  const dev = process.argv.includes("--dev");
  const running = await startServer({ dev, port: env.PORT });
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      const exit = () => process.exit(0);
      running.close().then(exit, (err) => {
        console.error("[server] shutdown:", err instanceof Error ? err.message : err);
        process.exit(1);
      });
      setTimeout(exit, 5_000).unref();
    });
  }
}
