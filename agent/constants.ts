// Names the browser needs too (CopilotKit's agent name, the thread's graph): no server imports here,
// so a client component can import this file without pulling in LangGraph.

/** The graph's id in LangGraph's thread/run API and CopilotKit's agent name. */
export const GRAPH_ID = "offer_copilot";
