import { AppError, toAppError } from "@/core/errors";
import { ROUTES } from "@/tools";
import { runTool, type Tool } from "@/tools/registry";
import { getAppDeps } from "@/server/deps";
import type { Session } from "./session";

// Pages call the registry's tools, never SQL: a tool is found by the REST route the contract names
// ("GET /api/budget"), so the UI depends on the contract rather than on another team's tool names.

export type ToolResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** The tool behind a contract route, e.g. toolFor("PUT /api/discount-policies/{surface}"). */
export function toolFor(route: string): Tool | null {
  const [method, path] = route.split(" ");
  return ROUTES.find((r) => r.method === method && r.path === path)?.tool ?? null;
}

/** Runs the route's tool as the signed-in caller; throws AppError (not_found, forbidden, 422 …). */
export async function callRoute<T = unknown>(session: Session, route: string, input: Record<string, unknown> = {}): Promise<T> {
  const tool = toolFor(route);
  if (!tool) throw new AppError("not_found", `This part of the product is not available yet (${route}).`);
  const deps = await getAppDeps();
  return (await runTool(tool, input, { caller: session.caller, db: deps.db, now: deps.now })) as T;
}

/** Same, but the error comes back as a value so a page can show an error panel and keep rendering. */
export async function tryRoute<T = unknown>(session: Session, route: string, input: Record<string, unknown> = {}): Promise<ToolResult<T>> {
  try {
    return { ok: true, data: await callRoute<T>(session, route, input) };
  } catch (err) {
    const e = toAppError(err);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}

/** Runs a tool by registry name (for UI-only tools that have no REST route). */
export async function callNamedTool<T = unknown>(session: Session, tool: Tool, input: Record<string, unknown> = {}): Promise<ToolResult<T>> {
  try {
    const deps = await getAppDeps();
    return { ok: true, data: (await runTool(tool, input, { caller: session.caller, db: deps.db, now: deps.now })) as T };
  } catch (err) {
    const e = toAppError(err);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}
