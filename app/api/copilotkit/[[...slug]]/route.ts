import { CopilotRuntime, copilotRuntimeNextJSAppRouterEndpoint, ExperimentalEmptyAdapter } from "@copilotkit/runtime";
import { LangGraphAgent } from "@copilotkit/runtime/langgraph";
import { Client } from "@langchain/langgraph-sdk";
import { GRAPH_ID } from "@/agent/graph";
import { callerFromSessionRequest } from "@/lib/ui/request-session";
import { getAppDeps } from "@/server/deps";
import { JSON_BODY_LIMIT, withBoundedBody } from "@/tools/transports/body-limit";
import { errorResponse } from "@/tools/transports/http-errors";
import { getEmbedded } from "@/server/copilot-embed";
import { embeddedFetch } from "../embed";

// /api/copilotkit: CopilotKit's runtime in front of the in-process copilot graph. The caller comes from the
// browser session cookie (same-origin requests only); the graph runs as that caller.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  try {
    const deps = await getAppDeps();
    const caller = await callerFromSessionRequest(req, deps);
    const embedded = await getEmbedded(deps);
    // Per request: the agent's client carries this caller; the graph and its checkpoints are shared.
    const client = new Client({ apiUrl: "http://offer-copilot.embedded", callerOptions: { fetch: embeddedFetch(embedded, caller, deps.db), maxRetries: 0 } });
    const agent = new LangGraphAgent({ deploymentUrl: "http://offer-copilot.embedded", graphId: GRAPH_ID, client });
    const copilot = new CopilotRuntime({ agents: { [GRAPH_ID]: agent } as never });
    const { handleRequest } = copilotRuntimeNextJSAppRouterEndpoint({ runtime: copilot, serviceAdapter: new ExperimentalEmptyAdapter(), endpoint: "/api/copilotkit" });
    // Bounded while streaming, like every JSON body (CONTRACT §7): 413 before the agent sees a byte.
    return await handleRequest((await withBoundedBody(req, JSON_BODY_LIMIT)) as never);
  } catch (err) {
    return errorResponse(err);
  }
}

export { handle as GET, handle as POST };
