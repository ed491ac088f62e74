import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { can } from "@/core/auth/permissions";
import { TOOLS } from "@/tools";
import { authenticate } from "@/tools/authenticate";
import type { Caller, ToolContext } from "@/tools/context";
import type { Tool } from "@/tools/registry";
import { errorResponse } from "@/tools/transports/http-errors";
import type { AppDeps } from "@/tools/transports/http";
import { agentMcpTools } from "./mcp-agent-tools";
import { registerRegistryTool } from "./mcp-tools";

// The MCP face of the tool registry: the same tools, the same zod schemas, the same runTool, for
// whoever the bearer key says, plus the copilot's draft_offer/commit_offer_draft. Served over
// Streamable HTTP (/api/mcp) and stdio (npm run mcp).

/** Tools this caller may call: listing never shows what runTool would refuse. */
export function toolsFor(caller: Caller, extra: Tool[] = []): Tool[] {
  return [...TOOLS, ...extra].filter((t) => can(caller.role, t.permission));
}

/**
 * An McpServer bound to one caller: each tool it may call is registered with registerTool (input and
 * output schemas, annotations); results carry structuredContent, refusals isError and our code.
 */
export function createMcpServer(caller: Caller, deps: AppDeps): McpServer {
  const mcp = new McpServer({ name: "offer-copilot", version: "0.1.0" }, { capabilities: { tools: {} } });
  const ctx: ToolContext = { caller, db: deps.db, now: deps.now };
  const extra = can(caller.role, "agent.use") ? agentMcpTools({ db: deps.db, now: deps.now }) : [];
  for (const tool of toolsFor(caller, extra)) registerRegistryTool(mcp, tool, ctx);
  return mcp;
}

/**
 * One stateless Streamable HTTP exchange: authenticate the bearer key, bind a fresh server to that
 * caller, answer. A bad key is a 401 with the CONTRACT's error body, before any MCP is spoken.
 */
export async function handleMcpRequest(req: Request, deps: AppDeps): Promise<Response> {
  let caller: Caller;
  try {
    caller = await authenticate(deps.db, req.headers.get("authorization"), deps.platformKey);
  } catch (err) {
    return errorResponse(err, { "www-authenticate": "Bearer" });
  }
  const server = createMcpServer(caller, deps);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(req);
  } finally {
    // Stateless: nothing outlives the request.
    void server.close().catch(() => {});
  }
}
