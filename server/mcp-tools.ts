import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { ToolContext } from "@/tools/context";
import { runTool, type Tool, toToolError } from "@/tools/registry";

// How one registry tool becomes one MCP tool: its zod input and output schemas as inputSchema and
// outputSchema, behaviour hints a model can plan with, and results as structuredContent (the very
// object the output schema parsed) plus the same JSON as text for clients that read text only.

/** Tools that only read: lists, gets, previews, validate and the governance dry-run. */
const READ_ONLY = /^(list_|get_|preview_|public_)|^(validate_discount_code|check_discount_proposal|draft_offer)$/;
/** Tools that take something away: voids, deactivations, deletions, key revocation. */
const DESTRUCTIVE = /^(void_|deactivate_|delete_|revoke_)/;
/** Writes whose replay changes nothing more: redeem/reserve by Idempotency-Key, full-replace setters. */
const IDEMPOTENT = /^(redeem_discount_code|reserve_discount_code|release_reservation|set_|update_)/;

/** MCP behaviour hints for a tool, from its name; every write states destructiveHint explicitly. */
export function annotationsFor(name: string): ToolAnnotations {
  if (READ_ONLY.test(name)) return { readOnlyHint: true, openWorldHint: false };
  return {
    readOnlyHint: false,
    destructiveHint: DESTRUCTIVE.test(name),
    idempotentHint: IDEMPOTENT.test(name) || DESTRUCTIVE.test(name),
    openWorldHint: false,
  };
}

/** A refusal as a tool result: isError, and our error body (§2.4 code, message, details) as text. */
export function toolErrorResult(err: unknown): CallToolResult {
  return { isError: true, content: [{ type: "text", text: JSON.stringify(toToolError(err)) }] };
}

/** Runs a registry tool for MCP: structuredContent is the output schema's parse of the result. */
export async function callRegistryTool(tool: Tool, args: unknown, ctx: ToolContext): Promise<CallToolResult> {
  try {
    const result = (await runTool(tool, args ?? {}, ctx)) as Record<string, unknown>;
    return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
  } catch (err) {
    return toolErrorResult(err);
  }
}

/** Registers one tool on the server with McpServer.registerTool; schemas come from the tool itself. */
export function registerRegistryTool(mcp: McpServer, tool: Tool, ctx: ToolContext): void {
  mcp.registerTool(
    tool.name,
    {
      description: tool.description,
      inputSchema: tool.input as z.ZodObject,
      outputSchema: tool.output as z.ZodObject,
      annotations: annotationsFor(tool.name),
    },
    (args: unknown) => callRegistryTool(tool, args, ctx),
  );
}
