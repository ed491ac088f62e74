import type { z } from "zod";
import { toAppError } from "@/core/errors";
import { runTool, type Tool } from "@/tools/registry";
import { getAppDeps } from "@/server/deps";
import type { Session } from "./session";

// Pages call the registry's tools, never SQL. A page names the tool object it calls (callTool /
// tryTool): the input is checked against the tool's zod input type and the result has its z.output
// type, so no response shape is copied by hand into the UI.

export type ToolResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Runs `tool` as the signed-in caller; throws AppError (not_found, forbidden, 422 …). */
export async function callTool<I extends z.ZodType, O extends z.ZodType>(
  session: Session, tool: Tool<I, O>, input: z.input<I>,
): Promise<z.output<O>> {
  const deps = await getAppDeps();
  return runTool(tool, input, { caller: session.caller, db: deps.db, now: deps.now });
}

/** Same, but the error comes back as a value so a page can show an error panel and keep rendering. */
export async function tryTool<I extends z.ZodType, O extends z.ZodType>(
  session: Session, tool: Tool<I, O>, input: z.input<I>,
): Promise<ToolResult<z.output<O>>> {
  try {
    return { ok: true, data: await callTool(session, tool, input) };
  } catch (err) {
    const e = toAppError(err);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}
