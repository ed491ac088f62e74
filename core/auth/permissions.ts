// The role/permission map, in one place. Tools name a permission; this map says who holds it.

// "anonymous" is never stored on a key: it is the caller of public read-only routes.
export const ROLES = ["platform", "admin", "marketer", "connector", "anonymous"] as const;
export type Role = (typeof ROLES)[number];
/** Roles a tenant key can carry (the platform key comes from the environment). */
export const TENANT_ROLES = ["admin", "marketer", "connector"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const PERMISSIONS = {
  "tenants.create": ["platform"],
  "tenants.read": ["platform"],
  "api_keys.manage": ["platform", "admin"],
  "policy.read": ["admin", "marketer", "connector"],
  "policy.write": ["admin"],
  "budget.read": ["admin", "marketer", "connector"],
  "budget.write": ["admin"],
  "kpi.read": ["admin", "marketer", "connector"],
  "kpi.write": ["admin", "connector"],
  "codes.read": ["admin", "marketer", "connector"],
  "codes.create": ["admin", "marketer", "connector"],
  "codes.update": ["admin", "marketer"],
  "codes.validate": ["admin", "marketer", "connector"],
  "codes.redeem": ["admin", "connector"],
  "redemptions.read": ["admin", "marketer", "connector"],
  "redemptions.void": ["admin", "connector"],
  "offers.read": ["admin", "marketer"],
  "offers.write": ["admin", "marketer"],
  "offers.activate": ["admin"],
  "catalog.read": ["admin", "marketer", "connector"],
  "catalog.write": ["admin", "marketer"],
  "audit.read": ["admin"],
  "agent.use": ["admin", "marketer"],
  "public.read": ["platform", "admin", "marketer", "connector", "anonymous"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The single authorisation question every transport asks before running a tool. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Issuer recorded on codes and ledger rows: who asked the core (CONTRACT §2.2). */
export type IssuerType = "connector" | "agent" | "human";

/** Connectors issue as connectors; people and their agent sessions are told apart by the transport. */
export function issuerFor(role: Role, viaAgent = false): IssuerType {
  if (role === "connector") return "connector";
  return viaAgent ? "agent" : "human";
}
