import type { Tool } from "../registry";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * A REST route is a tool plus where its input comes from. The handler, the OpenAPI document and the
 * auth-walk test all read this one table, so a route cannot exist without auth or a schema.
 */
export type RouteDef = {
  method: HttpMethod;
  /** OpenAPI-style template: /dashboard/promo-codes/{code_id}; each {param} is a tool input field. */
  path: string;
  tool: Tool;
  /** Success status; 204 sends no body. */
  status?: 200 | 201 | 204;
  /** "public" routes work without a key (as the anonymous role); default needs a key. */
  auth?: "key" | "public";
  /** Tool input fields read from request headers: { idempotency_key: "Idempotency-Key" }. */
  headers?: Record<string, string>;
  /** Accept text/csv or multipart uploads, passed to the tool as { csv: "<text>" }. */
  acceptsCsv?: boolean;
  summary?: string;
  tags?: string[];
};

/** Keeps route literals typed without repeating the RouteDef annotation on every entry. */
export function defineRoutes(routes: RouteDef[]): RouteDef[] {
  return routes;
}

/** Path params named in a template, in order. */
export function pathParams(template: string): string[] {
  return [...template.matchAll(/\{([a-z_][a-z0-9_]*)\}/gi)].map((m) => m[1]);
}

type Compiled = { route: RouteDef; regex: RegExp; params: string[]; staticSegments: number };

/** Matches a request path against the route table; static segments win over params (/offers/types vs /offers/{id}). */
export function compileRoutes(routes: RouteDef[]) {
  const compiled: Compiled[] = routes.map((route) => {
    const params = pathParams(route.path);
    const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[a-z_][a-z0-9_]*\}/gi, "([^/]+)");
    const staticSegments = route.path.split("/").filter((s) => s && !s.startsWith("{")).length;
    return { route, regex: new RegExp(`^${pattern}/?$`), params, staticSegments };
  });
  compiled.sort((a, b) => b.staticSegments - a.staticSegments || a.params.length - b.params.length);
  return function match(method: string, path: string): { route: RouteDef; params: Record<string, string> } | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const c of compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params = Object.fromEntries(c.params.map((p, i) => [p, decodeURIComponent(m[i + 1])]));
      return { route: c.route, params };
    }
    return allowed.length ? { allowed } : null;
  };
}
