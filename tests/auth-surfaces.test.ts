import { describe, expect, it } from "vitest";
import { allowedSurfaces, mayRecordKpi, mayUseSurface } from "@/core/auth/surfaces";

// The pure rule behind door 5 (CONTRACT §6): connectors are scoped to surfaces, people are not.

describe("connector surfaces", () => {
  it("defaults a connector to its provider and honours an explicit list", () => {
    expect(allowedSurfaces({ role: "connector", provider: "wix" })).toEqual(["wix"]);
    expect(allowedSurfaces({ role: "connector", provider: "wix", surfaces: null })).toEqual(["wix"]);
    expect(allowedSurfaces({ role: "connector", provider: "shopify", surfaces: ["shopify", "hub"] })).toEqual(["shopify", "hub"]);
    expect(mayUseSurface({ role: "connector", provider: "wix" }, "shopify")).toBe(false);
    expect(mayUseSurface({ role: "connector", provider: "shopify", surfaces: ["shopify", "hub"] }, "hub")).toBe(true);
  });

  it("fails closed for a connector with neither provider nor surfaces", () => {
    expect(allowedSurfaces({ role: "connector", provider: null })).toEqual([]);
    expect(mayUseSurface({ role: "connector", provider: null }, "shopify")).toBe(false);
  });

  it("does not scope people or the platform", () => {
    for (const role of ["admin", "marketer", "platform"] as const) {
      expect(allowedSurfaces({ role, provider: null })).toBeNull();
      expect(mayUseSurface({ role, provider: null }, "anything")).toBe(true);
    }
  });

  it("keeps tenant-wide KPI readings for admins; connectors push only their own surfaces", () => {
    expect(mayRecordKpi({ role: "admin", provider: null }, undefined)).toBe(true);
    expect(mayRecordKpi({ role: "connector", provider: "shopify" }, undefined)).toBe(false);
    expect(mayRecordKpi({ role: "connector", provider: "shopify" }, "")).toBe(false);
    expect(mayRecordKpi({ role: "connector", provider: "shopify" }, "shopify")).toBe(true);
    expect(mayRecordKpi({ role: "connector", provider: "shopify" }, "wix")).toBe(false);
  });
});
