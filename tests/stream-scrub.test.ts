import { describe, expect, it } from "vitest";
import { scrubEventStream, scrubFrame } from "@/app/api/copilotkit/stream-scrub";

// Internal error messages never reach the chat stream; our AppErrors (written for users) and other events pass.

describe("chat stream scrub", () => {
  it("replaces an internal error's message, keeps an AppError's and every other event", () => {
    const leak = 'event: error\ndata: {"error":"DrizzleQueryError","message":"Failed query: select … params: cust-42"}';
    expect(scrubFrame(leak)).not.toContain("cust-42");
    expect(scrubFrame(leak)).toContain("Something went wrong on our side");
    const ours = 'event: error\ndata: {"error":"AppError","message":"That promo code is taken"}';
    expect(scrubFrame(ours)).toBe(ours);
    const values = 'event: values\ndata: {"message":"Failed query"}';
    expect(scrubFrame(values)).toBe(values);
  });

  it("works across chunk boundaries of a real stream", async () => {
    const text = 'event: metadata\ndata: {"run_id":"r"}\n\nevent: error\ndata: {"error":"Error","message":"secret ock_x"}\n\n';
    const parts = [text.slice(0, 30), text.slice(30, 70), text.slice(70)];
    const body = new ReadableStream<Uint8Array>({
      start(c) { for (const p of parts) c.enqueue(new TextEncoder().encode(p)); c.close(); },
    });
    const out = await scrubEventStream(new Response(body, { headers: { "content-type": "text/event-stream" } })).text();
    expect(out).toContain('event: metadata\ndata: {"run_id":"r"}\n\n');
    expect(out).not.toContain("secret");
    expect(out.split("\n\n").filter(Boolean)).toHaveLength(2);
  });
});
