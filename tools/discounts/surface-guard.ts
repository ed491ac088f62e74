import { allowedSurfaces, mayRecordKpi, mayUseSurface } from "@/core/auth/surfaces";
import { AppError } from "@/core/errors";
import type { Caller } from "../context";

// The 403s of connector scoping (CONTRACT §6), thrown before anything is read or written.

/** Refuses a connector acting outside its key's surfaces (create, validate, redeem, reserve, void). */
export function requireSurface(caller: Caller, surface: string): void {
  if (mayUseSurface(caller, surface)) return;
  const allowed = allowedSurfaces(caller) ?? [];
  throw new AppError("forbidden", `This connector key may act only on ${allowed.join(", ") || "no surface"}, not on ${surface}`, {
    surface, allowed_surfaces: allowed,
  });
}

/** Refuses a KPI reading the caller may not push: tenant-wide ones are admin-only, connectors push their surfaces. */
export function requireKpiScope(caller: Caller, surface: string | null | undefined): void {
  if (mayRecordKpi(caller, surface)) return;
  if (!surface) throw new AppError("forbidden", "A tenant-wide KPI snapshot (no surface) can only be recorded by an admin");
  requireSurface(caller, surface);
}
