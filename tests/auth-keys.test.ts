import { describe, expect, it } from "vitest";
import { bearerToken, hashSecret, newPlatformKey, newTenantKey, parseTenantKey, sameHash } from "@/core/auth/keys";
import { can, issuerFor } from "@/core/auth/permissions";
import { compileRoutes } from "@/tools/transports/route";
import type { Tool } from "@/tools/registry";

describe("API key format", () => {
  it("round-trips the key id and verifies only the right secret", () => {
    const id = crypto.randomUUID();
    const { key, secretHash } = newTenantKey(id);
    const parsed = parseTenantKey(key)!;
    expect(parsed.apiKeyId).toBe(id);
    expect(sameHash(hashSecret(parsed.secret), secretHash)).toBe(true);
    expect(sameHash(hashSecret(parsed.secret + "x"), secretHash)).toBe(false);
    expect(secretHash).not.toContain(parsed.secret);
  });

  it("rejects anything that is not a tenant key, and empty hashes never match", () => {
    expect(parseTenantKey("ock_123_abc")).toBeNull();
    expect(parseTenantKey(newPlatformKey().key)).toBeNull();
    expect(sameHash("", "")).toBe(false);
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe("permission map", () => {
  it("keeps policy and budget with admins and redemption away from marketers", () => {
    expect(can("admin", "policy.write")).toBe(true);
    expect(can("connector", "policy.write")).toBe(false);
    expect(can("connector", "budget.write")).toBe(false);
    expect(can("connector", "codes.redeem")).toBe(true);
    expect(can("marketer", "offers.activate")).toBe(false);
    expect(can("anonymous", "offers.read")).toBe(false);
    expect(issuerFor("connector", true)).toBe("connector");
    expect(issuerFor("admin", true)).toBe("agent");
  });
});

describe("route matching", () => {
  const tool = { name: "t" } as Tool;
  const match = compileRoutes([
    { method: "GET", path: "/dashboard/offers/{offer_id}", tool },
    { method: "GET", path: "/dashboard/offers/types", tool },
    { method: "POST", path: "/dashboard/promo-codes/validate", tool },
  ]);

  it("prefers static segments over params and decodes params", () => {
    expect(match("GET", "/dashboard/offers/types")).toMatchObject({ route: { path: "/dashboard/offers/types" }, params: {} });
    expect(match("GET", "/dashboard/offers/a%20b")).toMatchObject({ params: { offer_id: "a b" } });
    expect(match("GET", "/dashboard/promo-codes/validate")).toEqual({ allowed: ["POST"] });
    expect(match("GET", "/nope")).toBeNull();
  });
});
