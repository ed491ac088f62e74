import { CopilotRuntime, copilotRuntimeNextJSAppRouterEndpoint, ExperimentalEmptyAdapter } from "@copilotkit/runtime";
import { LangGraphAgent } from "@copilotkit/runtime/langgraph";
import { Client } from "@langchain/langgraph-sdk";
import { GRAPH_ID } from "@/agent/graph";
import { authenticate } from "@/tools/authenticate";
import { getAppDeps } from "@/server/deps";
import { errorResponse } from "@/tools/transports/http-errors";
import { embeddedFetch, getEmbedded } from "../embed";

// /api/copilotkit: CopilotKit's runtime in front of the in-process copilot graph. The signed-in
// user's key comes from the httpOnly oc_session cookie; the graph runs as that caller.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SESSION_COOKIE = "oc_session";

/** The session key from the Cookie header (no other source is trusted). */
function sessionKey(req: Request): string | null {
  const cookie = req.headers.get("cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
  return m ? decodeURIComponent(m[1]) : null;
}

async function handle(req: Request): Promise<Response> {
  try {
    const deps = await getAppDeps();
    const key = sessionKey(req);
    const caller = await authenticate(deps.db, key ? `Bearer ${key}` : null, deps.platformKey);
    const embedded = await getEmbedded(deps);
    // Per request: the agent's client carries this caller; the graph and its checkpoints are shared.
    const client = new Client({ apiUrl: "http://offer-copilot.embedded", callerOptions: { fetch: embeddedFetch(embedded, caller, deps.db), maxRetries: 0 } });
    const agent = new LangGraphAgent({ deploymentUrl: "http://offer-copilot.embedded", graphId: GRAPH_ID, client });
    const copilot = new CopilotRuntime({ agents: { [GRAPH_ID]: agent } as never });
    const { handleRequest } = copilotRuntimeNextJSAppRouterEndpoint({ runtime: copilot, serviceAdapter: new ExperimentalEmptyAdapter(), endpoint: "/api/copilotkit" });
    return await handleRequest(req as never);
  } catch (err) {
    return errorResponse(err);
  }
}

export { handle as GET, handle as POST };
