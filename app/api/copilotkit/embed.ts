import { randomUUID } from "node:crypto";
import type { Caller, ToolContext } from "@/tools/context";
import { claimThread, ownsThread } from "@/tools/copilot";
import type { Embedded } from "@/server/copilot-embed";
import { assistantShim, json } from "./assistant-shim";
import { isRunRequest, rewriteRunBody, withThreadId } from "./run-body";
import { scrubEventStream } from "./stream-scrub";

// The fetch CopilotKit's LangGraph client uses, in front of the process's embed server
// (server/copilot-embed.ts): the assistant-API stand-in, thread ownership by API key, and the run-body
// rewrite. Each concern is its own module; this file only routes a request through them.

/** Why 404 and not 403: another key's thread must be indistinguishable from one that does not exist. */
const THREAD_NOT_FOUND = () => json({ error: "Thread not found" }, 404);

/** The fetch for one caller; the embed server and its checkpoints are shared by every caller. */
export function embeddedFetch(embedded: Embedded, caller: Caller, db: ToolContext["db"]) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const p = url.pathname;
    const shimmed = assistantShim(req.method, p);
    if (shimmed) return shimmed;
    // Listing threads is not offered: a thread is found only by the key that opened it.
    if (req.method === "POST" && p === "/threads/search") return json([]);
    const thread = /^\/threads\/([^/]+)/.exec(p)?.[1];
    if (thread && !(await ownsThread(db, caller, thread))) return THREAD_NOT_FOUND();

    let body: string | undefined = req.method === "GET" || req.method === "HEAD" ? undefined : await req.text();
    if (body !== undefined && req.method === "POST" && p === "/threads") {
      const payload = withThreadId(body ? JSON.parse(body) : {}, randomUUID);
      if (!(await claimThread(db, caller, payload.thread_id))) return json({ error: "Thread id is taken" }, 409);
      body = JSON.stringify(payload);
    } else if (body && isRunRequest(req.method, p)) {
      body = JSON.stringify(rewriteRunBody(JSON.parse(body), caller));
    }
    const forwarded = new Request(url, { method: req.method, headers: req.headers, body, signal: req.signal });
    return scrubEventStream(await embedded.app.fetch(forwarded));
  };
}
