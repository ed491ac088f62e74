import type { Role } from "./permissions";

// Connector keys are scoped to surfaces (CONTRACT §6): a Wix connector acts on Wix, never on Shopify.
// People (admin, marketer) and the platform are not surface-scoped; their role decides.

/** What a surface check needs to know about the caller. */
export type SurfaceScope = { role: Role; provider: string | null; surfaces?: readonly string[] | null };

/** The surfaces a connector may act on: its key's list, else its provider alone; null = not surface-scoped. */
export function allowedSurfaces(c: SurfaceScope): readonly string[] | null {
  if (c.role !== "connector") return null;
  if (c.surfaces && c.surfaces.length > 0) return c.surfaces;
  return c.provider ? [c.provider] : [];
}

/** Whether the caller may create, validate, redeem, reserve or void on `surface`. */
export function mayUseSurface(c: SurfaceScope, surface: string): boolean {
  const allowed = allowedSurfaces(c);
  return allowed === null || allowed.includes(surface);
}

/** Whether the caller may push a KPI reading for `surface` (undefined/null: tenant-wide, admin only). */
export function mayRecordKpi(c: SurfaceScope, surface: string | null | undefined): boolean {
  if (!surface) return c.role === "admin";
  return mayUseSurface(c, surface);
}
