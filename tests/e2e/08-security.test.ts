import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Cookie } from "playwright-core";
import { existsSync } from "node:fs";
import path from "node:path";
import { type SharedApp, sharedApp, startApp } from "./support/app-server";
import { launchBrowser, newContext, signInAsDemo } from "./support/browser";
import { openCopilot } from "./support/copilot";
import { api } from "./support/rest";

// Issue 11 through the real HTTP surface: security headers on pages (and the copilot still runs under the
// CSP), the session cookie's flags and revocation, cross-origin refusal, and the next= guard.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const COOKIE = "__Host-oc_session";
const sessionCookie = async (ctx: BrowserContext): Promise<Cookie | undefined> => (await ctx.cookies()).find((c) => c.name === COOKIE);
/** GET a page with only this session cookie. */
const pageWith = (id: string, path = "/offers") =>
  fetch(`${app.baseUrl}${path}`, { headers: { cookie: `${COOKIE}=${id}` }, redirect: "manual" });
/** A live session renders the signed-in header (its role badge); a dead one is sent to /sign-in. */
const alive = async (id: string) => {
  const res = await pageWith(id);
  return res.status === 200 && (await res.text()).includes('data-testid="role-badge"');
};

/** A fresh admin key of the demo tenant, so revoking it disturbs no other test. */
async function freshAdminKey(): Promise<{ api_key_id: string; key: string }> {
  const made = await api(app, app.demo.admin_key, "POST", `/api/tenants/${app.demo.tenant_id}/api-keys`,
    { role: "admin", label: "e2e-08" });
  expect(made.status).toBe(201);
  return made.body;
}

async function signInWithKey(ctx: BrowserContext, key: string, next = "") {
  const page = await ctx.newPage();
  await page.goto(`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  return page;
}

describe("security headers", () => {
  it("every page sends CSP with frame-ancestors 'none', nosniff and a Referrer-Policy", async () => {
    for (const path of ["/sign-in", "/", "/offers", "/no-such-page"]) {
      const res = await fetch(`${app.baseUrl}${path}`, { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("the copilot page runs under that policy: the chat connects and the browser reports no violation", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await signInAsDemo(page, "admin");
    await openCopilot(page);
    await page.goto("/offers");
    expect(violations).toEqual([]);
    await ctx.close();
  });
});

describe("the session cookie", () => {
  it("is __Host-, HttpOnly, Secure (loopback counts as secure), SameSite=Lax, Path=/, and holds no key", async () => {
    const ctx = await newContext(browser, app);
    await signInAsDemo(await ctx.newPage(), "marketer");
    const c = (await sessionCookie(ctx))!;
    expect(c).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const key of [app.demo.admin_key, app.demo.marketer_key, app.demo.connector_key]) expect(c.value).not.toContain(key.slice(-20));
    expect((await ctx.cookies()).filter((x) => x.name.includes("oc_session"))).toHaveLength(1);
    await ctx.close();
  });

  it("sign-out revokes the session server-side: the old cookie value stops working", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    const id = (await sessionCookie(ctx))!.value;
    expect(await alive(id)).toBe(true);
    await page.goto("/offers");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/sign-in"));
    expect(await alive(id)).toBe(false);
    await ctx.close();
  });

  it("revoking the API key ends every session opened with it", async () => {
    const fresh = await freshAdminKey();
    const ctx = await newContext(browser, app);
    const page = await signInWithKey(ctx, fresh.key);
    const id = (await sessionCookie(ctx))!.value;
    expect(await alive(id)).toBe(true);
    expect((await api(app, app.demo.admin_key, "DELETE", `/api/api-keys/${fresh.api_key_id}`)).status).toBe(204);
    expect(await alive(id)).toBe(false);
    await page.goto("/offers");
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await ctx.close();
  });
});

describe("cross-origin refusal", () => {
  it("a server action posted from another origin is refused and changes nothing; from this origin it works", async () => {
    const ctx = await newContext(browser, app);
    await signInAsDemo(await ctx.newPage(), "admin");
    const id = (await sessionCookie(ctx))!.value;
    const html = await (await pageWith(id)).text();
    const action = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
    expect(action, "the sign-out form's action id").toBeTruthy();
    const post = (origin: string) => {
      const form = new FormData();
      form.set(action!, "");
      const headers = { cookie: `${COOKIE}=${id}`, origin };
      return fetch(`${app.baseUrl}/offers`, { method: "POST", body: form, redirect: "manual", headers });
    };
    const evil = await post("http://evil.example");
    expect(evil.status).toBeGreaterThanOrEqual(400);
    expect(await alive(id)).toBe(true);
    const own = await post(app.baseUrl);
    expect(own.status).toBeLessThan(400);
    expect(await alive(id)).toBe(false);
    await ctx.close();
  });

  it("/api/copilotkit refuses a cross-site request that carries a live session cookie", async () => {
    const ctx = await newContext(browser, app);
    await signInAsDemo(await ctx.newPage(), "admin");
    const id = (await sessionCookie(ctx))!.value;
    const body = JSON.stringify({ method: "info" });
    const call = (headers: Record<string, string>) => fetch(`${app.baseUrl}/api/copilotkit`, {
      method: "POST", body, headers: { cookie: `${COOKIE}=${id}`, "content-type": "application/json", ...headers },
    });
    const evil = await call({ origin: "http://evil.example", "sec-fetch-site": "cross-site" });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("forbidden");
    const sibling = await call({ origin: app.baseUrl, "sec-fetch-site": "same-site" });
    expect(sibling.status).toBe(403);
    const own = await call({ origin: app.baseUrl, "sec-fetch-site": "same-origin" });
    expect(own.status).not.toBe(403);
    await ctx.close();
  });
});

describe("the next= guard", () => {
  it("signing in with a crafted next= lands on this origin", async () => {
    const fresh = await freshAdminKey();
    for (const next of ["/\\evil.com", "/%09/evil.com", "//evil.com", "/\t/evil.com", "https://evil.com"]) {
      const ctx = await newContext(browser, app);
      const page = await signInWithKey(ctx, fresh.key, next);
      expect(new URL(page.url()).origin, next).toBe(app.baseUrl);
      expect(new URL(page.url()).pathname, next).toBe("/");
      await ctx.close();
    }
    const ctx = await newContext(browser, app);
    const page = await signInWithKey(ctx, fresh.key, "/offers");
    expect(new URL(page.url()).pathname).toBe("/offers");
    await ctx.close();
  });
});

describe("demo defaults", () => {
  it("under NODE_ENV=production without DEMO_SEED=true: no demo tenant, no demo keys, no demo sign-in", async () => {
    const prod = await startApp({ env: { DEMO_SEED: "" }, demo: false, reuseBuild: true });
    try {
      const html = await (await fetch(`${prod.baseUrl}/sign-in`)).text();
      expect(html).toContain("API key");
      expect(html).not.toContain("Continue as demo");
      expect(existsSync(path.join(prod.dataDir, "demo-credentials.json"))).toBe(false);
      const tenants = await api(prod, prod.demo.platform_key!, "GET", "/api/tenants/budgets");
      expect(tenants.status).toBe(200);
      expect(tenants.body.total_count).toBe(0);
    } finally {
      await prod.stop();
    }
  });
});
