import { describeForLog } from "@/tools/transports/http-errors";

// The embed server streams a run's failure as `event: error` with the thrown error's own message
// (@langchain/langgraph-api serializeError). Only our AppErrors carry messages written for users; anything else
// could hold SQL, ids or stack details, so it reaches the chat as one generic sentence and the log without secrets.

const GENERIC = { error: "Error", message: "Something went wrong on our side; nothing was changed." };

/** One SSE frame with an internal error's message replaced; other frames pass through untouched. */
export function scrubFrame(frame: string): string {
  if (!/^event: error$/m.test(frame)) return frame;
  const data = /^data: (.*)$/m.exec(frame)?.[1];
  try {
    const parsed = data ? (JSON.parse(data) as { error?: string; message?: string }) : null;
    if (parsed?.error === "AppError") return frame;
    console.error("[copilot] run error:", describeForLog(new Error(parsed?.message ?? "unknown")));
  } catch {
    /* not JSON: replace it too */
  }
  return frame.replace(/^data: .*$/m, `data: ${JSON.stringify(GENERIC)}`);
}

/** Why: keeps internals out of the chat stream. Wraps an SSE response; non-stream responses are returned as is. */
export function scrubEventStream(res: Response): Response {
  if (!res.body || !(res.headers.get("content-type") ?? "").includes("text/event-stream")) return res;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  const body = res.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, out) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        out.enqueue(encoder.encode(scrubFrame(buffer.slice(0, end)) + "\n\n"));
        buffer = buffer.slice(end + 2);
      }
    },
    flush(out) {
      if (buffer) out.enqueue(encoder.encode(scrubFrame(buffer)));
    },
  }));
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
