// npm run mcp — the tool registry over MCP stdio, as the key in OFFER_COPILOT_API_KEY. Same tools,
// schemas and permissions as /api/mcp. stdout carries the protocol only; logs go to stderr.
process.env.LANGSMITH_TRACING ??= "false";
process.env.DO_NOT_TRACK ??= "1";

export {};

async function main() {
  const key = process.env.OFFER_COPILOT_API_KEY;
  if (!key) throw new Error("set OFFER_COPILOT_API_KEY to an API key (admin, marketer or connector)");
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  const { getAppState } = await import("@/server/deps");
  const { authenticate } = await import("@/tools/authenticate");
  const { createMcpServer } = await import("@/server/mcp");
  const { deps } = await getAppState();
  const caller = await authenticate(deps.db, `Bearer ${key}`, deps.platformKey);
  const server = createMcpServer(caller, deps);
  await server.connect(new StdioServerTransport());
  console.error(`offer-copilot MCP on stdio as ${caller.role}${caller.provider ? ` (${caller.provider})` : ""}`);
  const stop = async () => {
    await server.close();
    await deps.db.close();
    process.exit(0);
  };
  process.stdin.on("end", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`mcp: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
