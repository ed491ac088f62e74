import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { env } from "@/env";
import { createApiApp } from "@/server/api";
import { getAppDeps, getAppState } from "@/server/deps";

// A child process serving only the machine-facing API (REST, MCP, health) the way `npm start` does, without
// Next's pages: the crash-replay test kills and restarts it. Start: node --import tsx tests/support/api-server-main.ts
// Prints "READY <port>" once the database is open, migrated and seeded. SIGTERM/SIGINT close it cleanly.

const { deps } = await getAppState();
const server = createServer(getRequestListener(createApiApp(getAppDeps).fetch));
server.listen(env.PORT, "127.0.0.1", () => console.log(`READY ${env.PORT}`));

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    deps.db.close().then(() => process.exit(0), () => process.exit(1));
  });
}
