import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, recordTiming, shot, signInAsDemo } from "./support/browser";
import { EXAMPLE_BRIEF, chatText, draftValue, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";

// Scenario 1: the demo admin drafts the Offer Manager document's example brief, confirms it, and the
// offer is listed with its code. Also: sign-in gate, role in the header, reopening the thread.

let app: SharedApp;
let browser: Browser;

beforeAll(async () => {
  app = await sharedApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("copilot: example brief → confirmed offer", () => {
  it("sends unauthenticated visitors to sign-in, and the key never reaches client JavaScript", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await page.goto("/offers");
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("next") === "/offers");
    await shot(page, "01-sign-in");
    await page.getByLabel("API key").fill("not-a-key");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.locator("#signin-error").innerText()).toContain("not valid");

    await page.getByLabel("API key").fill(app.demo.admin_key);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/offers");
    expect(await page.getByTestId("role-badge").innerText()).toBe("Admin");
    // The session cookie (__Host-oc_session on loopback): HttpOnly, so page scripts never see it.
    const cookie = (await ctx.cookies()).find((c) => c.name.endsWith("oc_session"));
    expect(cookie?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain("oc_session");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await ctx.close();
  });

  it("fills the draft from the brief, confirms it, and lists the offer with DEALER20", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");

    const t0 = Date.now();
    await openCopilot(page);
    recordTiming("copilot_page_load_ms", Date.now() - t0);
    const nav = await page.evaluate(() => {
      const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return e ? { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd } : null;
    });
    if (nav) recordTiming("copilot_page_load_event_ms", nav.load);
    await shot(page, "01-copilot-empty");

    const t1 = Date.now();
    await sendMessage(page, EXAMPLE_BRIEF);
    await expectDraft(page, "Promo code", "DEALER20");
    await expectDraft(page, "Total redemptions", "1000");
    recordTiming("brief_to_filled_form_ms", Date.now() - t1);
    await waitForAgentIdle(page);

    expect(await page.getByLabel("Value", { exact: true }).inputValue()).toBe("20");
    expect(await page.getByLabel("Limit per customer").inputValue()).toBe("3");
    expect(await page.getByLabel("Start date").inputValue()).toBe("2026-12-01");
    expect(await page.getByLabel("End date").inputValue()).toBe("2026-12-31");
    expect(await page.getByLabel("Total budget").inputValue()).toBe("50000");
    await shot(page, "01-copilot-draft-filled");

    // The brief names no surface: the copilot asks, and the answer completes the draft.
    await expect.poll(() => chatText(page)).toContain("Where will customers redeem it");
    await sendMessage(page, "Shopify");
    await page.getByTestId("review-panel").waitFor({ timeout: 60_000 });
    expect(await page.getByLabel("Surface").inputValue()).toBe("shopify");
    expect(await page.getByLabel("Promo code").inputValue()).toBe("DEALER20");
    await shot(page, "01-copilot-draft-ready");

    await page.getByTestId("confirm-draft").click();
    const done = page.getByTestId("committed");
    await done.waitFor({ timeout: 60_000 });
    expect(await done.innerText()).toContain("DEALER20");
    await shot(page, "01-copilot-committed");

    // Reopening the same thread after a reload shows the same conversation and draft.
    const threadUrl = page.url();
    await page.reload();
    expect(page.url()).toBe(threadUrl);
    await page.getByTestId("committed").waitFor({ timeout: 30_000 });
    await waitForAgentIdle(page);
    expect(await draftValue(page, "Promo code")).toBe("DEALER20");
    expect(await chatText(page)).toContain("Done — the offer is active with code DEALER20");
    await shot(page, "01-copilot-reopened");

    await page.getByRole("link", { name: "Open the offer" }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    await page.getByTestId("preview-card").waitFor();
    await shot(page, "01-offer-detail");

    await page.goto("/offers");
    const row = page.getByTestId("offer-row").filter({ hasText: "DEALER20" });
    expect(await row.count()).toBe(1);
    await shot(page, "01-offers-list");
    await ctx.close();
  });
});
