import { getAppDeps } from "@/tools/transports/deps";
import { errorResponse } from "@/tools/transports/http-errors";
import { handleMcpRequest } from "./server";

// /api/mcp: the tool registry over MCP Streamable HTTP (stateless), authenticated by bearer API key.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  try {
    return await handleMcpRequest(req, await getAppDeps());
  } catch (err) {
    console.error("[mcp]", err);
    return errorResponse(err);
  }
}

export { handle as GET, handle as POST, handle as DELETE };
