import { auditRoutes, auditTools } from "./audit-log";
import { discountRoutes, discountTools } from "./discounts";
import { offerRoutes, offerTools } from "./offers";
import type { Tool } from "./registry";
import { tenancyRoutes } from "./tenancy/routes";
import { tenancyTools } from "./tenancy/tools";
import type { RouteDef } from "./transports/route";
import { uiRoutes, uiTools } from "./ui/tenant-budgets";

/** Every tool, once: the agent and the MCP server list these; REST exposes them through ROUTES. */
export const TOOLS: Tool[] = [...tenancyTools, ...discountTools, ...offerTools, ...uiTools, ...auditTools] as Tool[];

/** The REST surface; the handler, OpenAPI and the auth-walk test all read this table. */
export const ROUTES: RouteDef[] = [...tenancyRoutes, ...discountRoutes, ...offerRoutes, ...uiRoutes, ...auditRoutes];

/** Looks a tool up by its registry name (agent and MCP call tools by name). */
export function toolByName(name: string): Tool | undefined {
  return TOOLS.find((t) => t.name === name);
}
