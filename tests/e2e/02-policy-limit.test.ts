import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type RunningApp, startApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { chatText, checkState, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";
import { api } from "./support/rest";

// Scenario 2: 90% off is outside every surface's policy (max 25% in the demo): the copilot says so,
// proposes the maximum, offers no review, and nothing is created.

let app: RunningApp;
let browser: Browser;
beforeAll(async () => { app = await startApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await app?.stop(); });

describe("copilot: over-limit discount", () => {
  it("explains the policy limit, proposes 25%, and creates nothing", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    await openCopilot(page);
    await sendMessage(page, "90% off all equipment for dealers on Shopify with promo code HUGE90, runs Dec 1–31, budget 50000");
    await expectDraft(page, "Promo code", "HUGE90");
    await waitForAgentIdle(page);

    await expect.poll(() => checkState(page, "policy"), { timeout: 30_000 }).toBe("fail");
    const said = await chatText(page);
    expect(said).toMatch(/25\s?%/);
    expect(await page.getByTestId("alternative").innerText()).toContain("25%");
    expect(await page.getByTestId("review-panel").count()).toBe(0);
    await shot(page, "02-policy-limit");

    const offers = await api(app, app.demo.admin_key, "GET", "/dashboard/promo-codes?limit=100");
    expect(JSON.stringify(offers.body)).not.toContain("HUGE90");
    await ctx.close();
  });
});
