import type { Tool } from "../registry";
import type { RouteDef } from "../transports/route";

// Discount engine tools and routes (CONTRACT §2); filled in by the governance issue.
export const discountTools: Tool[] = [];
export const discountRoutes: RouteDef[] = [];
