import { AppError, invalidInput } from "@/core/errors";
import type { Database } from "@/db/database";
import { ANONYMOUS, authenticate } from "../authenticate";
import type { Caller } from "../context";
import { runTool } from "../registry";
import { JSON_BODY_LIMIT, readLimitedBytes, UPLOAD_BODY_LIMIT } from "./body-limit";
import { errorResponse } from "./http-errors";
import { compileRoutes, pathParams, type RouteDef } from "./route";

/** What a request needs from the process: the database, the clock, the configured platform key. */
export type AppDeps = { db: Database; now: () => Date; platformKey?: string };

type Body = Record<string, unknown>;

const isUpload = (route: RouteDef, type: string) =>
  !!route.acceptsCsv && (type.startsWith("multipart/form-data") || type.startsWith("text/csv") || type.startsWith("text/plain"));

/** Reads and parses a body within its limit: JSON 1 MiB; CSV and multipart 10 MiB on upload routes. */
async function readBody(req: Request, route: RouteDef): Promise<Body> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const bytes = await readLimitedBytes(req.body, isUpload(route, type) ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT, req.headers.get("content-length"));
  if (route.acceptsCsv && type.startsWith("multipart/form-data")) {
    const form = await new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => {
      throw invalidInput("Malformed multipart body");
    });
    const out: Body = {};
    for (const [k, v] of form.entries()) {
      if (typeof v === "string") out[k] = v;
      else out.csv = await v.text();
    }
    return out;
  }
  const text = new TextDecoder().decode(bytes);
  if (isUpload(route, type)) return { csv: text };
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidInput("Malformed JSON body", [{ field: "(body)", message: "not valid JSON" }]);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidInput("The JSON body must be an object", [{ field: "(body)", message: "expected an object" }]);
  }
  return parsed as Body;
}

/** A bad path id can never name a row: answer 404 like any other unknown id, not 400. */
function pathOnlyProblem(err: unknown, route: RouteDef): boolean {
  if (!(err instanceof AppError) || err.code !== "invalid_input") return false;
  const fields = (err.details.fields as { field: string }[] | undefined) ?? [];
  const params = pathParams(route.path);
  return fields.length > 0 && fields.every((f) => params.includes(f.field));
}

/** Input read from a header is reported under the header's name (Idempotency-Key), not the tool field's. */
function nameHeaderFields(err: unknown, route: RouteDef): unknown {
  if (!(err instanceof AppError) || err.code !== "invalid_input" || !route.headers) return err;
  const fields = (err.details.fields as { field: string; message: string }[] | undefined) ?? [];
  const renamed = fields.map((f) => {
    const header = route.headers![f.field];
    if (!header) return f;
    return { field: header, message: /received undefined/.test(f.message) ? "required header is missing" : f.message };
  });
  return new AppError(err.code, err.message, { ...err.details, fields: renamed });
}

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

/** One matched route: authenticate → read input (query, bounded body, headers, path) → run the tool → map. */
export async function handleRoute(route: RouteDef, params: Record<string, string>, req: Request, deps: AppDeps): Promise<Response> {
  try {
    const authHeader = req.headers.get("authorization");
    const caller: Caller =
      route.auth === "public" && !authHeader ? ANONYMOUS : await authenticate(deps.db, authHeader, deps.platformKey);
    const body = route.method === "POST" || route.method === "PUT" ? await readBody(req, route) : {};
    const query = route.method === "GET" || route.method === "DELETE" ? Object.fromEntries(new URL(req.url).searchParams) : {};
    const fromHeaders: Body = {};
    for (const [field, name] of Object.entries(route.headers ?? {})) {
      const v = req.headers.get(name);
      if (v !== null) fromHeaders[field] = v;
      else if (field in body) delete body[field]; // a header-borne field is read from its header only (CONTRACT §6)
    }
    const input = { ...query, ...body, ...fromHeaders, ...params };
    const result = await runTool(route.tool, input, { caller, db: deps.db, now: deps.now });
    const status = route.status ?? 200;
    if (status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(result), { status, headers: JSON_HEADERS });
  } catch (err) {
    if (pathOnlyProblem(err, route)) return errorResponse(new AppError("not_found", "Not found"));
    return errorResponse(nameHeaderFields(err, route));
  }
}

/** 404, or 405 with Allow when the path exists under other methods. */
export function unmatched(found: { allowed: string[] } | null, method: string, pathname: string): Response {
  if (found) return errorResponse(new AppError("method_not_allowed", `${method} is not allowed here`), { allow: found.allowed.join(", ") });
  return errorResponse(new AppError("not_found", `No route ${method} ${pathname}`));
}

/** The REST adapter over a route table, for in-process callers (tests); the lean server mounts handleRoute. */
export function createHttpHandler(routes: RouteDef[]) {
  const match = compileRoutes(routes);
  return async function handle(req: Request, deps: AppDeps): Promise<Response> {
    const url = new URL(req.url);
    const found = match(req.method, url.pathname);
    if (!found || "allowed" in found) return unmatched(found, req.method, url.pathname);
    return handleRoute(found.route, found.params, req, deps);
  };
}
