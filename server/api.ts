import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { AppError } from "@/core/errors";
import { ROUTES } from "@/tools";
import { JSON_BODY_LIMIT, withBoundedBody } from "@/tools/transports/body-limit";
import { type AppDeps, handleRoute, unmatched } from "@/tools/transports/http";
import { errorResponse } from "@/tools/transports/http-errors";
import { buildOpenApi } from "@/tools/transports/openapi";
import { compileRoutes, type RouteDef } from "@/tools/transports/route";
import { handleMcpRequest } from "./mcp";

// The machine-facing API (REST route table, MCP, OpenAPI, health) on Hono, in front of Next. Everything here is
// built once per process: the router, the OpenAPI document, the 405 matcher. Requests only route and run tools.

/** Paths this server answers; everything else (pages, server actions, /api/copilotkit) goes to Next. */
export function isApiPath(url: string): boolean {
  if (url.startsWith("/dashboard/")) return true;
  if (!url.startsWith("/api/")) return false;
  return !url.startsWith("/api/copilotkit");
}

/** /dashboard/offers/{offer_id} → /dashboard/offers/:offer_id (Hono's syntax). */
const honoPath = (template: string) => template.replace(/\{([a-z_][a-z0-9_]*)\}/gi, ":$1");

/** Static segments first, as compileRoutes orders them, so /offers/types never reads as /offers/{id}. */
function byStaticSegments(routes: RouteDef[]): RouteDef[] {
  const statics = (r: RouteDef) => r.path.split("/").filter((s) => s && !s.startsWith("{")).length;
  return [...routes].sort((a, b) => statics(b) - statics(a));
}

/** A real query, coalesced: concurrent health checks share one round trip instead of queueing N. */
function databaseProbe(deps: AppDeps) {
  let inFlight: Promise<void> | null = null;
  return () =>
    (inFlight ??= deps.db.db
      .execute(sql`select 1`)
      .then(() => undefined)
      .finally(() => {
        inFlight = null;
      }));
}

/** Builds the API app over a deps getter (the database may still be opening when the first request arrives). */
export function createApiApp(getDeps: () => Promise<AppDeps>, routes: RouteDef[] = ROUTES): Hono {
  const app = new Hono({ strict: false });
  const openApi = JSON.stringify(buildOpenApi(routes));
  const match = compileRoutes(routes);
  let probe: (() => Promise<void>) | undefined;

  app.get("/api/health", async () => {
    try {
      const deps = await getDeps();
      await (probe ??= databaseProbe(deps))();
      return new Response('{"status":"ok"}', { headers: { "content-type": "application/json", "cache-control": "no-store" } });
    } catch {
      return errorResponse(new AppError("unavailable", "The database is not answering.", { retry_after_seconds: 5 }));
    }
  });
  app.get("/api/openapi.json", () => new Response(openApi, { headers: { "content-type": "application/json" } }));
  app.all("/api/mcp", async (c) => {
    try {
      return await handleMcpRequest(await withBoundedBody(c.req.raw, JSON_BODY_LIMIT), await getDeps());
    } catch (err) {
      return errorResponse(err);
    }
  });
  for (const route of byStaticSegments(routes)) {
    app.on(route.method, honoPath(route.path), async (c) => {
      const params = c.req.param() as Record<string, string>;
      return handleRoute(route, params, c.req.raw, await getDeps());
    });
  }
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const found = match(c.req.method, path);
    return unmatched(found && "allowed" in found ? found : null, c.req.method, path);
  });
  app.onError((err) => errorResponse(err));
  return app;
}
