import { z } from "zod";
import { can, type Permission } from "@/core/auth/permissions";
import { AppError, type FieldIssue, invalidInput, toAppError } from "@/core/errors";
import { mapDbError, describeForLog } from "@/db/errors";
import type { ToolContext } from "./context";

/**
 * A tool is the one definition of an operation: REST routes, the LangGraph agent and the MCP server
 * all run it through runTool, so parsing, authorisation and output shape cannot drift between them.
 */
export type Tool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  name: string;
  description: string;
  input: I;
  output: O;
  /** Who may call it: looked up in core/auth/permissions.ts. */
  permission: Permission;
  execute: (input: z.output<I>, ctx: ToolContext) => Promise<z.input<O>>;
};

/** Identity helper that keeps the input/output generics inferred at the definition site. */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>): Tool<I, O> {
  return tool;
}

/** zod issues → the field list CONTRACT §0 puts in `details` of a 400. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.length ? i.path.join(".") : "(body)", message: i.message }));
}

/** Authorise → parse → execute → shape the output. Throws AppError only. */
export async function runTool<I extends z.ZodType, O extends z.ZodType>(
  tool: Tool<I, O>,
  rawInput: unknown,
  ctx: ToolContext,
): Promise<z.output<O>> {
  if (!can(ctx.caller.role, tool.permission)) {
    throw new AppError("forbidden", `Role ${ctx.caller.role} may not call ${tool.name}`);
  }
  const parsed = tool.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw invalidInput(`Invalid input for ${tool.name}`, fieldIssues(parsed.error));
  try {
    const result = await tool.execute(parsed.data, ctx);
    // Parsing the output strips fields the schema does not name, so internals never leak.
    return tool.output.parse(result);
  } catch (err) {
    const mapped = mapDbError(err);
    if (!(mapped instanceof AppError)) console.error(`[tool ${tool.name}]`, describeForLog(err));
    throw toAppError(mapped);
  }
}

/** The tool-error shape used by the agent and MCP: same codes as HTTP, no status numbers. */
export function toToolError(err: unknown): { error: { code: string; message: string; details: Record<string, unknown> } } {
  const e = toAppError(err);
  return { error: { code: e.code, message: e.message, details: e.details } };
}
