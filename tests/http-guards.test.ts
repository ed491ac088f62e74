import { describe, expect, it } from "vitest";
import { crossOriginRefusal } from "@/core/http/same-origin";
import { safeNextPath } from "@/core/http/safe-next";
import { wantsSecure } from "@/lib/ui/session-cookie";

// The sign-in `next=` guard, the cross-origin refusal and the cookie's Secure decision, as pure functions.

// Each of these is read by some browser as another origin (or as a scheme), so each must land on "/".
const OFFSITE = [
  "//evil.com", "/\\evil.com", "\\\\evil.com", "/%09/evil.com", "/\t/evil.com", "/\n/evil.com", "/%0a/evil.com",
  "/%0d/evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "/%5Cevil.com", "/%5c/evil.com", "/ /evil.com", "/%20/evil.com",
  "///evil.com", "////evil.com", "/\\/evil.com", "https://evil.com", "http:evil.com", "javascript:alert(1)",
  "evil.com", "", " /offers", "\\/evil.com", "/.\\evil.com", "/\u200b/evil.com", "/%",
  "/%zz", "/offers\\..\\evil", "data:text/html,x", "/\u0000/evil.com", "//evil.com/%2e%2e", "/./\\evil.com",
];
// Same-origin paths come back unchanged.
const ONSITE = ["/", "/offers", "/offers/123e4567-e89b-12d3-a456-426614174000", "/offers?status=active&limit=10",
  "/god/config/pricing/discounts", "/?thread=abc#top", "/offers/%20x", "/a/b/../c"];

describe("safeNextPath (one shared next= guard)", () => {
  it.each(OFFSITE)("%j lands on /", (raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });
  it.each(ONSITE)("%j is kept", (raw) => {
    expect(safeNextPath(raw)).toBe(raw);
  });
  it("whatever it keeps resolves to this origin", () => {
    for (const raw of [...OFFSITE, ...ONSITE]) {
      expect(new URL(safeNextPath(raw), "https://app.example").origin).toBe("https://app.example");
    }
  });
});

describe("crossOriginRefusal", () => {
  const post = { method: "POST", host: "app.example", origin: "https://app.example", secFetchSite: "same-origin" };
  it("allows same-origin posts and safe methods from anywhere", () => {
    expect(crossOriginRefusal(post)).toBeNull();
    expect(crossOriginRefusal({ ...post, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBeNull();
  });
  it("refuses a cross-site or same-site (sibling subdomain) post by Sec-Fetch-Site", () => {
    expect(crossOriginRefusal({ ...post, secFetchSite: "cross-site" })).toMatch(/cross-site/);
    expect(crossOriginRefusal({ ...post, secFetchSite: "same-site" })).toMatch(/same-site/);
  });
  it("refuses an Origin that is not the Host, an opaque origin, and garbage", () => {
    expect(crossOriginRefusal({ ...post, secFetchSite: null, origin: "https://evil.example" })).toMatch(/Host/);
    expect(crossOriginRefusal({ ...post, secFetchSite: null, origin: "https://app.example.evil.example" })).toMatch(/Host/);
    expect(crossOriginRefusal({ ...post, secFetchSite: null, origin: "null" })).toMatch(/null/);
    expect(crossOriginRefusal({ ...post, secFetchSite: null, origin: "not a url" })).toMatch(/URL/);
    expect(crossOriginRefusal({ ...post, host: null })).toMatch(/Host/);
  });
  it("lets a request without browser headers through (it carries no browser cookie jar)", () => {
    expect(crossOriginRefusal({ ...post, secFetchSite: null, origin: null })).toBeNull();
  });
});

describe("wantsSecure (COOKIE_SECURE)", () => {
  it("auto: Secure over https and on loopback http, not on plain http elsewhere", () => {
    expect(wantsSecure("https://app.example", "auto")).toBe(true);
    expect(wantsSecure("http://127.0.0.1:3000", "auto")).toBe(true);
    expect(wantsSecure("http://localhost:3000", "auto")).toBe(true);
    expect(wantsSecure("http://10.0.0.5:3000", "auto")).toBe(false);
    expect(wantsSecure(null, "auto")).toBe(true);
  });
  it("true and false override the request", () => {
    expect(wantsSecure("http://10.0.0.5:3000", "true")).toBe(true);
    expect(wantsSecure("https://app.example", "false")).toBe(false);
  });
});
