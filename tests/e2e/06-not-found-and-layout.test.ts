import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { DESKTOP, PHONE, launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { chatInput, waitForChatReady } from "./support/copilot";
import { api } from "./support/rest";

// Scenario 6: another tenant's offer id shows the not-found page. Also: every page fits 1280×800 and
// 390×844 without horizontal scrolling, and the pages work from the keyboard; the chat box has a label and
// waits for its thread before it takes a message.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("isolation and layout", () => {
  it("shows not-found for another tenant's offer id", async () => {
    const platform = app.demo.platform_key!;
    const tenant = await api(app, platform, "POST", "/api/tenants", { name: "Other Co" });
    expect(tenant.status).toBe(201);
    const key = await api(app, platform, "POST", `/api/tenants/${tenant.body.tenant_id}/api-keys`, { role: "admin" });
    const offer = await api(app, key.body.key, "POST", "/dashboard/offers", { offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%", short_text: "Other tenant's secret offer" });
    expect(offer.status).toBe(201);

    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    const res = await page.goto(`/offers/${offer.body.offer_id}`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole("heading", { name: "Not found" }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain("secret offer");
    await shot(page, "06-not-found");
    await ctx.close();
  });

  it("has no horizontal overflow on any page at desktop and phone sizes, and calls no outside host", async () => {
    const outside: string[] = [];
    for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
      const ctx = await newContext(browser, app, viewport);
      const page = await ctx.newPage();
      // Telemetry is off: every request the pages make stays on the app's own origin.
      page.on("request", (r) => { if (/^https?:/.test(r.url()) && !r.url().startsWith(app.baseUrl)) outside.push(r.url()); });
      await page.goto("/sign-in");
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await shot(page, `06-${name}-sign-in`);
      await signInAsDemo(page, "admin");
      for (const [slug, path] of [["copilot", "/"], ["offers", "/offers"], ["control-room", "/god/config/pricing/discounts"]]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle").catch(() => {});
        expect(await overflowX(page), `${path} at ${name}`).toBeLessThanOrEqual(0);
        await shot(page, `06-${name}-${slug}`);
      }
      await ctx.close();
    }
    expect(outside).toEqual([]);
  });

  it("reaches the demo sign-in and the offers search by keyboard alone", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Continue as demo admin" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto("/offers");
    await page.getByLabel("Search title or description").focus();
    await page.keyboard.type("nothing-matches-this");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=nothing-matches-this/);
    expect(await page.getByText("No offers match these filters.").isVisible()).toBe(true);
    await ctx.close();
  });

  it("labels the chat box and keeps it disabled, saying Connecting…, until the thread is connected", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    // Hold the thread connect so the in-between state can be seen; released after the checks.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await page.route("**/api/copilotkit**", async (route) => {
      const req = route.request();
      if (req.url().includes("/connect") || (req.postData() ?? "").includes("agent/connect")) await held;
      await route.continue();
    });
    await page.goto("/");
    const input = chatInput(page);
    await input.waitFor({ state: "visible" });
    expect(await input.isDisabled()).toBe(true);
    await page.getByTestId("chat-status").filter({ hasText: "Connecting" }).waitFor();
    await shot(page, "06-chat-connecting");
    release();
    await waitForChatReady(page);
    await input.fill("Hello");
    expect(await input.inputValue()).toBe("Hello");
    expect(await page.getByTestId("chat-status").count()).toBe(0);
    await ctx.close();
  });
});
