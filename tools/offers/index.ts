import type { Tool } from "../registry";
import type { RouteDef } from "../transports/route";
import { offerRoutes as routes, offerTools as tools } from "./routes";
import { reviewRoutes } from "./review-routes";

// Offer Manager tools and routes (CONTRACT §3).
export const offerTools: Tool[] = [...tools, ...new Set(reviewRoutes.map((r) => r.tool))] as Tool[];
export const offerRoutes: RouteDef[] = [...routes, ...reviewRoutes];
