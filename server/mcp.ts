import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema, type Tool as McpTool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { can } from "@/core/auth/permissions";
import { AppError } from "@/core/errors";
import { TOOLS, toolByName } from "@/tools";
import { authenticate } from "@/tools/authenticate";
import type { Caller, ToolContext } from "@/tools/context";
import { runTool, type Tool, toToolError } from "@/tools/registry";
import { errorResponse } from "@/tools/transports/http-errors";
import type { AppDeps } from "@/tools/transports/http";

// The MCP face of the tool registry: the same tools, the same zod schemas, the same runTool, for
// whoever the bearer key says. Served over Streamable HTTP (/api/mcp) and stdio (npm run mcp).

/** The tool's input schema as JSON Schema, from its zod schema; MCP wants an object at the top. */
export function inputJsonSchema(tool: Tool): McpTool["inputSchema"] {
  const { $schema: _drop, ...schema } = z.toJSONSchema(tool.input, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return (schema.type === "object" ? schema : { type: "object", properties: {} }) as McpTool["inputSchema"];
}

/** Tools this caller may call: listing never shows what runTool would refuse. */
export function toolsFor(caller: Caller): Tool[] {
  return TOOLS.filter((t) => can(caller.role, t.permission));
}

/** An MCP server bound to one caller; results are JSON text, errors carry our codes with isError. */
export function createMcpServer(caller: Caller, deps: AppDeps): Server {
  const server = new Server({ name: "offer-copilot", version: "0.1.0" }, { capabilities: { tools: {} } });
  const ctx: ToolContext = { caller, db: deps.db, now: deps.now };
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: toolsFor(caller).map((t) => ({ name: t.name, description: t.description, inputSchema: inputJsonSchema(t) })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req): Promise<CallToolResult> => {
    const tool = toolByName(req.params.name);
    try {
      if (!tool) throw new AppError("not_found", `No tool named ${req.params.name}`);
      const result = await runTool(tool, req.params.arguments ?? {}, ctx);
      return { content: [{ type: "text", text: JSON.stringify(result) }] };
    } catch (err) {
      return { isError: true, content: [{ type: "text", text: JSON.stringify(toToolError(err)) }] };
    }
  });
  return server;
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
