import { AppError, invalidInput } from "@/core/errors";
import type { Database } from "@/db/database";
import { ANONYMOUS, authenticate } from "../authenticate";
import type { Caller } from "../context";
import { runTool } from "../registry";
import { errorResponse } from "./http-errors";
import { compileRoutes, pathParams, type RouteDef } from "./route";

/** What a request needs from the process: the database, the clock, the configured platform key. */
export type AppDeps = { db: Database; now: () => Date; platformKey?: string };

const MAX_BODY_BYTES = 5 * 1024 * 1024;

type Body = Record<string, unknown>;

async function readBody(req: Request, route: RouteDef): Promise<Body> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", `Request body is over ${MAX_BODY_BYTES} bytes`);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (route.acceptsCsv && type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => {
      throw invalidInput("Malformed multipart body");
    });
    const out: Body = {};
    for (const [k, v] of form.entries()) {
      if (typeof v === "string") out[k] = v;
      else out.csv = await v.text();
    }
    return out;
  }
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("payload_too_large", `Request body is over ${MAX_BODY_BYTES} bytes`);
  if (route.acceptsCsv && (type.startsWith("text/csv") || type.startsWith("text/plain"))) return { csv: text };
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

/** Builds the one REST adapter: parse → authenticate → authorise → run the tool → map the result. */
export function createHttpHandler(routes: RouteDef[]) {
  const match = compileRoutes(routes);
  return async function handle(req: Request, deps: AppDeps): Promise<Response> {
    const url = new URL(req.url);
    const found = match(req.method, url.pathname);
    if (!found) return errorResponse(new AppError("not_found", `No route ${req.method} ${url.pathname}`));
    if ("allowed" in found) {
      return errorResponse(new AppError("method_not_allowed", `${req.method} is not allowed here`), { allow: found.allowed.join(", ") });
    }
    const { route, params } = found;
    try {
      const authHeader = req.headers.get("authorization");
      const caller: Caller =
        route.auth === "public" && !authHeader ? ANONYMOUS : await authenticate(deps.db, authHeader, deps.platformKey);
      const query = Object.fromEntries(url.searchParams.entries());
      const body = route.method === "POST" || route.method === "PUT" ? await readBody(req, route) : {};
      const fromHeaders = Object.fromEntries(
        Object.entries(route.headers ?? {}).flatMap(([field, name]) => {
          const v = req.headers.get(name);
          return v === null ? [] : [[field, v]];
        }),
      );
      const input = { ...(route.method === "GET" || route.method === "DELETE" ? query : {}), ...body, ...fromHeaders, ...params };
      const result = await runTool(route.tool, input, { caller, db: deps.db, now: deps.now });
      const status = route.status ?? 200;
      if (status === 204) return new Response(null, { status: 204 });
      return Response.json(result, { status, headers: { "cache-control": "no-store" } });
    } catch (err) {
      if (pathOnlyProblem(err, route)) return errorResponse(new AppError("not_found", "Not found"));
      return errorResponse(nameHeaderFields(err, route));
    }
  };
}
