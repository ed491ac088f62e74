import { defineRoutes } from "../transports/route";
import { createApiKey, createTenant, revokeApiKey } from "./tools";

// CONTRACT §1.
export const tenancyRoutes = defineRoutes([
  { method: "POST", path: "/api/tenants", tool: createTenant, status: 201, tags: ["tenancy"] },
  { method: "POST", path: "/api/tenants/{tenant_id}/api-keys", tool: createApiKey, status: 201, tags: ["tenancy"] },
  { method: "DELETE", path: "/api/api-keys/{api_key_id}", tool: revokeApiKey, status: 204, tags: ["tenancy"] },
]);
