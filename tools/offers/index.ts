import type { Tool } from "../registry";
import type { RouteDef } from "../transports/route";

// Offer Manager tools and routes (CONTRACT §3); filled in by the offers issue.
export const offerTools: Tool[] = [];
export const offerRoutes: RouteDef[] = [];
