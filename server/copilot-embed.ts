import { createEmbedServer, type ThreadSaver } from "@langchain/langgraph-api/experimental/embed";
import { buildOfferGraph, GRAPH_ID } from "@/agent/graph";
import { createDraftModel } from "@/agent/model";
import { createCheckpointer } from "@/db/checkpointer";
import type { Database } from "@/db/database";
import { toolRunner } from "@/tools/copilot";
import { threadSaver } from "./copilot-threads";

// The copilot graph served in-process through LangGraph's embed server (a Hono app), so CopilotKit's
// LangGraphAgent can talk to it with a fetch that never leaves the process. One per process.

/** The embed server and its thread store (why the store too: tests and the fetch read threads). */
export type Embedded = { app: ReturnType<typeof createEmbedServer>; threads: ThreadSaver };

const holder = globalThis as unknown as { __offerCopilotEmbed?: Promise<Embedded> };

/** The process's embed server over the app's database (dev hot reload keeps the same one). */
export function getEmbedded(deps: { db: Database; now: () => Date }): Promise<Embedded> {
  holder.__offerCopilotEmbed ??= (async () => {
    const checkpointer = await createCheckpointer(deps.db);
    const graph = buildOfferGraph({ tools: toolRunner(deps.db, deps.now), model: createDraftModel(), now: deps.now }, checkpointer);
    const threads = threadSaver(checkpointer);
    return { app: createEmbedServer({ graph: { [GRAPH_ID]: graph as never }, checkpointer, threads }), threads };
  })().catch((err) => {
    holder.__offerCopilotEmbed = undefined;
    throw err;
  });
  return holder.__offerCopilotEmbed;
}
