import http from "node:http";
import type { AddressInfo } from "node:net";

// A tiny OpenAI-compatible server on 127.0.0.1 for testing the real ChatOpenAI client path: it
// answers POST /v1/chat/completions with scripted replies, as JSON or as an SSE stream, with tool
// calls when the request offers tools. It is our test double of OpenAI, not of our own code.

/** What the next completion says: tool arguments (an object, or raw text to test malformed output). */
export type ScriptedReply = { toolArgs: Record<string, unknown> | string } | { content: string };

export type FakeOpenAI = {
  baseURL: string;
  /** Every request body received, in order: tests count LLM calls and read prompts from it. */
  requests: any[];
  /** Replies are used in order; the last one repeats when the script runs out. */
  script: ScriptedReply[];
  close: () => Promise<void>;
};

function completion(body: any, reply: ScriptedReply) {
  const tool = body.tools?.[0]?.function?.name;
  const message = "toolArgs" in reply && tool
    ? { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: tool, arguments: typeof reply.toolArgs === "string" ? reply.toolArgs : JSON.stringify(reply.toolArgs) } }] }
    : { role: "assistant", content: "content" in reply ? reply.content : JSON.stringify((reply as { toolArgs: unknown }).toolArgs) };
  return { message, finish: message.tool_calls ? "tool_calls" : "stop" };
}

/** Starts the server on an ephemeral 127.0.0.1 port. */
export async function startFakeOpenAI(script: ScriptedReply[] = []): Promise<FakeOpenAI> {
  const state = { requests: [] as any[], script };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    state.requests.push(body);
    const reply = state.script[Math.min(state.requests.length - 1, state.script.length - 1)] ?? { content: "" };
    const { message, finish } = completion(body, reply);
    const base = { id: `chatcmpl-${state.requests.length}`, created: 1_790_000_000, model: body.model };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (delta: unknown, finish_reason: string | null = null) =>
      res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason }] })}\n\n`);
    if (message.tool_calls) {
      // As OpenAI streams a call: id and name first with empty arguments, then the arguments in pieces.
      const call = message.tool_calls[0];
      const args = call.function.arguments;
      const half = Math.ceil(args.length / 2);
      send({ role: "assistant", content: null, tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] });
      send({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] });
      send({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] });
    } else {
      send({ role: "assistant", content: "" });
      if (message.content) send({ content: message.content });
    }
    send({}, finish);
    // OpenAI ends with a choice-less usage chunk when asked to (stream_options.include_usage).
    if (body.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } })}\n\n`);
    }
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests: state.requests,
    get script() { return state.script; },
    set script(s) { state.script = s; },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
