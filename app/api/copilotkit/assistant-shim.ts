import { GRAPH_ID } from "@/agent/constants";

// STAND-IN for LangGraph Platform's assistant API. The in-process embed server has no /assistants
// routes, but CopilotKit's LangGraph client asks for them before every run. This shim answers the four
// it calls with one fixed assistant (our graph) and null schemas, so custom state keys survive.
// It is not an assistant store: nothing is created, versioned or searched. Replace it if the embed
// server grows these routes or the app moves to a real LangGraph server.

const ASSISTANT = {
  assistant_id: GRAPH_ID, graph_id: GRAPH_ID, name: GRAPH_ID, config: {}, metadata: {}, version: 1,
  created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z",
};
const SCHEMAS = { graph_id: GRAPH_ID, input_schema: null, output_schema: null, state_schema: null, config_schema: null, context_schema: null };

/** A JSON response (why here: the shim and the thread guard answer without the embed server). */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The shim's answer for an assistant route, or null when the request is not one of the four. */
export function assistantShim(method: string, path: string): Response | null {
  if (method === "POST" && path === "/assistants/search") return json([ASSISTANT]);
  if (method !== "GET") return null;
  if (/^\/assistants\/[^/]+$/.test(path)) return json(ASSISTANT);
  if (/^\/assistants\/[^/]+\/graph$/.test(path)) return json({ nodes: [], edges: [] });
  if (/^\/assistants\/[^/]+\/schemas$/.test(path)) return json(SCHEMAS);
  return null;
}
