import { describe, expect, it } from "vitest";
import { assistantShim } from "@/app/api/copilotkit/assistant-shim";
import { isRunRequest, rewriteRunBody, withThreadId } from "@/app/api/copilotkit/run-body";
import type { Caller } from "@/tools/context";

// The embedded LangGraph API's request rewrites, as pure functions: the server decides who runs and
// which day it is, whatever the browser sent; thread ids are fixed before the thread is claimed.

const caller: Caller = { tenantId: "00000000-0000-4000-8000-000000000001", role: "marketer", apiKeyId: "00000000-0000-4000-8000-000000000002", provider: null, issuerType: "human" };
const admin: Caller = { ...caller, role: "admin" };

describe("rewriteRunBody", () => {
  it("replaces a browser-sent caller, mode and today with the session's caller in converse mode", () => {
    const body = { assistant_id: "offer_copilot", input: { messages: [] }, config: { configurable: { caller: admin, mode: "plan", today: "2020-01-01" }, recursion_limit: 10 } };
    expect(rewriteRunBody(body, caller)).toEqual({
      assistant_id: "offer_copilot", input: { messages: [] },
      config: { configurable: { caller, mode: "converse" }, recursion_limit: 10 },
    });
  });

  it("keeps the other configurable keys (the chosen campaign) and adds a config when there was none", () => {
    expect(rewriteRunBody({ config: { configurable: { campaignId: "c-1" } } }, caller).config).toEqual({ configurable: { campaignId: "c-1", caller, mode: "converse" } });
    expect(rewriteRunBody({ command: { resume: { action: "confirm" } } }, caller)).toEqual({
      command: { resume: { action: "confirm" } }, config: { configurable: { caller, mode: "converse" } },
    });
  });

  it("does not change the body it was given", () => {
    const body = { config: { configurable: { today: "2020-01-01" } } };
    rewriteRunBody(body, caller);
    expect(body).toEqual({ config: { configurable: { today: "2020-01-01" } } });
  });
});

describe("isRunRequest", () => {
  it("matches run and streamed-run posts only", () => {
    expect(isRunRequest("POST", "/threads/t/runs")).toBe(true);
    expect(isRunRequest("POST", "/threads/t/runs/stream")).toBe(true);
    expect(isRunRequest("GET", "/threads/t/runs")).toBe(false);
    expect(isRunRequest("POST", "/threads/t/state")).toBe(false);
  });
});

describe("withThreadId", () => {
  it("keeps the browser's id and otherwise mints one", () => {
    expect(withThreadId({ thread_id: "abc", metadata: {} }, () => "new")).toEqual({ thread_id: "abc", metadata: {} });
    expect(withThreadId({}, () => "new")).toEqual({ thread_id: "new" });
    expect(withThreadId({ thread_id: "" }, () => "new")).toEqual({ thread_id: "new" });
  });
});

describe("assistantShim (stand-in for LangGraph Platform's assistant API)", () => {
  it("answers the four assistant routes with our one graph and null schemas", async () => {
    expect(await assistantShim("POST", "/assistants/search")!.json()).toEqual([expect.objectContaining({ assistant_id: "offer_copilot", graph_id: "offer_copilot" })]);
    expect(await assistantShim("GET", "/assistants/offer_copilot")!.json()).toMatchObject({ graph_id: "offer_copilot" });
    expect(await assistantShim("GET", "/assistants/offer_copilot/graph")!.json()).toEqual({ nodes: [], edges: [] });
    expect(await assistantShim("GET", "/assistants/offer_copilot/schemas")!.json()).toMatchObject({ state_schema: null, input_schema: null });
  });

  it("leaves every other request to the embed server", () => {
    expect(assistantShim("POST", "/threads")).toBeNull();
    expect(assistantShim("DELETE", "/assistants/offer_copilot")).toBeNull();
    expect(assistantShim("GET", "/threads/t/state")).toBeNull();
  });
});
