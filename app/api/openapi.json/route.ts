import { ROUTES } from "@/tools";
import { buildOpenApi } from "@/tools/transports/openapi";

export const runtime = "nodejs";

let cached: Record<string, unknown> | undefined;

/** OpenAPI 3.1 generated from the route table's zod schemas (CONTRACT §0). */
export function GET() {
  cached ??= buildOpenApi(ROUTES);
  return Response.json(cached);
}
