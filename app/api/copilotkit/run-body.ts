import type { Caller } from "@/tools/context";

// Request bodies the browser sends to the embedded LangGraph API, rewritten so that the server decides
// who runs and which day it is. Pure functions: unit-tested in tests/copilot-run-body.test.ts.

type Body = Record<string, unknown>;

/** Whether a request is a run (the only bodies whose config reaches the graph). */
export function isRunRequest(method: string, path: string): boolean {
  return method === "POST" && /\/runs(\/stream)?$/.test(path);
}

/**
 * A run body with `config.configurable` set by the server: the caller from the session and mode
 * "converse"; a browser-sent `caller`, `mode` or `today` never survives. Other configurable keys
 * (campaignId) and the rest of the body pass through.
 */
export function rewriteRunBody(body: Body, caller: Caller): Body {
  const config = (body.config ?? {}) as Body;
  const { today: _today, caller: _caller, mode: _mode, ...fromBrowser } = (config.configurable ?? {}) as Body;
  return { ...body, config: { ...config, configurable: { ...fromBrowser, caller, mode: "converse" } } };
}

/** A create-thread body with a thread id (the browser's, else a fresh one) so it can be claimed first. */
export function withThreadId(body: Body, newId: () => string): Body & { thread_id: string } {
  const id = typeof body.thread_id === "string" && body.thread_id ? body.thread_id : newId();
  return { ...body, thread_id: id };
}
