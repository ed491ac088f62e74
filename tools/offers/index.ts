import type { Tool } from "../registry";
import type { RouteDef } from "../transports/route";
import { offerRoutes as routes, offerTools as tools } from "./routes";

// Offer Manager tools and routes (CONTRACT §3).
export const offerTools: Tool[] = tools;
export const offerRoutes: RouteDef[] = routes;
