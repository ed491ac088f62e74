import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { PERMISSIONS } from "@/core/auth/permissions";
import { pathParams, type RouteDef } from "./route";

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
});

type Shape = Record<string, z.ZodType>;

/** The tool's object shape; tools with non-object inputs document an empty one. */
function shapeOf(schema: z.ZodType): Shape {
  return schema instanceof z.ZodObject ? (schema.shape as Shape) : {};
}

function pick(shape: Shape, keys: string[]): Shape {
  return Object.fromEntries(Object.entries(shape).filter(([k]) => keys.includes(k)));
}

function omit(shape: Shape, keys: string[]): Shape {
  return Object.fromEntries(Object.entries(shape).filter(([k]) => !keys.includes(k)));
}

const ERROR_STATUSES: Record<string, string> = {
  "400": "invalid_input", "401": "unauthenticated", "403": "forbidden", "404": "not_found",
  "409": "conflict / idempotency_conflict / already_voided", "422": "governance or business rejection",
};

/** OpenAPI 3.1 generated from the very route table and zod schemas the handler runs. */
export function buildOpenApi(routes: RouteDef[]): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  for (const route of routes) {
    const shape = shapeOf(route.tool.input);
    const params = pathParams(route.path);
    const headerFields = Object.keys(route.headers ?? {});
    const rest = omit(omit(shape, params), headerFields);
    const hasBody = route.method === "POST" || route.method === "PUT";
    const success = String(route.status ?? 200);
    registry.registerPath({
      method: route.method.toLowerCase() as "get",
      path: route.path,
      operationId: `${route.method.toLowerCase()}_${route.tool.name}`,
      summary: route.summary ?? route.tool.description,
      description: `${route.tool.description}\n\nTool: \`${route.tool.name}\`. Roles: ${PERMISSIONS[route.tool.permission].join(", ")}.`,
      tags: route.tags,
      security: route.auth === "public" ? [] : [{ bearer: [] }],
      request: {
        params: params.length ? z.object(pick(shape, params)) : undefined,
        query: !hasBody && Object.keys(rest).length ? z.object(rest) : undefined,
        headers: headerFields.length
          ? z.object(Object.fromEntries(headerFields.map((f) => [route.headers![f], shape[f] ?? z.string()])))
          : undefined,
        body: hasBody ? { content: { "application/json": { schema: z.object(rest) } } } : undefined,
      },
      responses: {
        [success]:
          success === "204"
            ? { description: "Done" }
            : { description: "Success", content: { "application/json": { schema: route.tool.output } } },
        ...Object.fromEntries(
          Object.entries(ERROR_STATUSES).map(([s, d]) => [s, { description: d, content: { "application/json": { schema: ErrorBody } } }]),
        ),
      },
    });
  }
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: "3.1.0",
    info: { title: "Offer Copilot API", version: "1.0.0", description: "Governed discounts and offers. See CONTRACT.md." },
    servers: [{ url: "/" }],
  }) as unknown as Record<string, unknown>;
}
