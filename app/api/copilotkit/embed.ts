import { createEmbedServer, type ThreadSaver } from "@langchain/langgraph-api/experimental/embed";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { createCheckpointer } from "@/agent/checkpointer";
import { buildOfferGraph, GRAPH_ID } from "@/agent/graph";
import { createDraftModel } from "@/agent/model";
import { randomUUID } from "node:crypto";
import { claimThread, ownsThread } from "@/agent/threads";
import type { Database } from "@/db/database";
import type { Caller } from "@/tools/context";
import type { AppDeps } from "@/tools/transports/http";

// The copilot graph served in-process through LangGraph's embed server (a Hono app), so CopilotKit's
// LangGraphAgent can talk to it with a fetch that never leaves the process. One per process.

type Thread = { thread_id: string; metadata: Record<string, unknown> };

/** Threads in memory, with the checkpoint table as the memory of threads from before a restart. */
function threadSaver(checkpointer: BaseCheckpointSaver): ThreadSaver {
  const threads = new Map<string, Thread>();
  return {
    async get(id) {
      const known = threads.get(id);
      if (known) return known;
      const tuple = await checkpointer.getTuple({ configurable: { thread_id: id } });
      // Unknown: the embed routes answer 404 for a missing thread (a throw would be a 500 and a retry loop).
      if (!tuple) return undefined as unknown as Thread;
      const restored = { thread_id: id, metadata: (tuple.metadata ?? {}) as Record<string, unknown> };
      threads.set(id, restored);
      return restored;
    },
    async set(id, { kind, metadata }) {
      const prev = threads.get(id);
      const next = { thread_id: id, metadata: kind === "patch" ? { ...prev?.metadata, ...metadata } : { ...metadata } };
      threads.set(id, next);
      return next;
    },
    async delete(id) {
      threads.delete(id);
    },
  };
}

export type Embedded = { app: ReturnType<typeof createEmbedServer>; threads: ThreadSaver };

const holder = globalThis as unknown as { __offerCopilotEmbed?: Promise<Embedded> };

/** The process's embed server over the app's database (dev hot reload keeps the same one). */
export function getEmbedded(deps: AppDeps): Promise<Embedded> {
  holder.__offerCopilotEmbed ??= (async () => {
    const checkpointer = await createCheckpointer(deps.db);
    const graph = buildOfferGraph({ db: deps.db, model: createDraftModel(), now: deps.now }, checkpointer);
    const threads = threadSaver(checkpointer);
    return { app: createEmbedServer({ graph: { [GRAPH_ID]: graph as never }, checkpointer, threads }), threads };
  })().catch((err) => {
    holder.__offerCopilotEmbed = undefined;
    throw err;
  });
  return holder.__offerCopilotEmbed;
}

const ASSISTANT = { assistant_id: GRAPH_ID, graph_id: GRAPH_ID, name: GRAPH_ID, config: {}, metadata: {}, version: 1, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The fetch CopilotKit's LangGraph client uses: the four assistant routes the embed server lacks
 * (null schemas, so custom state keys survive), tenant ownership of threads, and on every run
 * request the caller from the session, overwriting whatever the browser sent.
 */
export function embeddedFetch(embedded: Embedded, caller: Caller, db: Database) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const p = url.pathname;
    if (req.method === "POST" && p === "/assistants/search") return json([ASSISTANT]);
    if (req.method === "GET" && /^\/assistants\/[^/]+$/.test(p)) return json(ASSISTANT);
    if (req.method === "GET" && /^\/assistants\/[^/]+\/graph$/.test(p)) return json({ nodes: [], edges: [] });
    if (req.method === "GET" && /^\/assistants\/[^/]+\/schemas$/.test(p)) {
      return json({ graph_id: GRAPH_ID, input_schema: null, output_schema: null, state_schema: null, config_schema: null, context_schema: null });
    }
    // Threads are tenant-owned (agent_threads, under RLS): another tenant's thread reads as unknown,
    // and listing threads is not offered at all.
    if (req.method === "POST" && p === "/threads/search") return json([]);
    const thread = /^\/threads\/([^/]+)/.exec(p)?.[1];
    if (thread && (!caller.tenantId || !(await ownsThread(db, caller.tenantId, thread)))) {
      return json({ error: "Thread not found" }, 404);
    }
    let body: string | undefined = req.method === "GET" || req.method === "HEAD" ? undefined : await req.text();
    if (body !== undefined && req.method === "POST" && p === "/threads") {
      const payload = (body ? JSON.parse(body) : {}) as Record<string, any>;
      payload.thread_id ??= randomUUID();
      if (!caller.tenantId || !(await claimThread(db, caller.tenantId, payload.thread_id, caller.apiKeyId))) {
        return json({ error: "Thread id is taken" }, 409);
      }
      body = JSON.stringify(payload);
    } else if (body && req.method === "POST" && /\/runs(\/stream)?$/.test(p)) {
      const payload = JSON.parse(body) as Record<string, any>;
      // The server decides who runs and which day it is: a browser-sent caller or `today` never survives.
      const { today: _today, ...fromBrowser } = (payload.config?.configurable ?? {}) as Record<string, unknown>;
      payload.config = { ...payload.config, configurable: { ...fromBrowser, caller, mode: "converse" } };
      body = JSON.stringify(payload);
    }
    return embedded.app.fetch(new Request(url, { method: req.method, headers: req.headers, body, signal: req.signal }));
  };
}
