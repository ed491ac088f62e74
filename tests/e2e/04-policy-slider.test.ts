import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { checkState, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";
import { api } from "./support/rest";

// Scenario 4: an admin lowers Shopify's maximum with the slider (keyboard), confirms the save, the
// value survives a reload, and the next draft is judged against the new maximum.

let app: SharedApp;
let browser: Browser;
let before: Record<string, unknown> | undefined;
beforeAll(async () => {
  app = await sharedApp();
  browser = await launchBrowser();
  before = (await api(app, app.demo.admin_key, "GET", "/api/discount-policies/shopify")).body;
});
// The browser suite shares one app: put Shopify's policy back for the files that run after this one.
afterAll(async () => {
  await browser?.close();
  if (before) {
    const { min_percent, max_percent, max_amount_cents, kpi_floors, max_snapshot_age_seconds, enabled } = before;
    const policy = { min_percent, max_percent, max_amount_cents, kpi_floors, max_snapshot_age_seconds, enabled };
    const res = await api(app, app.demo.admin_key, "PUT", "/api/discount-policies/shopify", policy);
    expect(res.status).toBe(200);
  }
});

describe("control room: policy slider", () => {
  it("persists a new maximum and validates new drafts against it", async () => {
    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    await page.goto("/god/config/pricing/discounts");
    const slider = page.getByTestId("policy-shopify").getByLabel("Maximum %");
    expect(await slider.inputValue()).toBe("25");
    await slider.focus();
    for (let i = 0; i < 7; i++) await slider.press("ArrowLeft");
    expect(await slider.inputValue()).toBe("18");
    await page.getByRole("button", { name: "Save shopify" }).click();
    await shot(page, "04-policy-confirm");
    await page.getByRole("button", { name: "Confirm save" }).click();
    await expect.poll(() => page.getByTestId("policy-shopify").innerText()).toContain("Saved: shopify allows 5–18% off");

    await page.reload();
    expect(await page.getByTestId("policy-shopify").getByLabel("Maximum %").inputValue()).toBe("18");
    await shot(page, "04-policy-after-reload");
    const policy = await api(app, app.demo.admin_key, "GET", "/api/discount-policies/shopify");
    expect(policy.body.max_percent).toBe(18);

    await openCopilot(page);
    await sendMessage(page, "20% off for dealers on Shopify with promo code SHOP20, runs Dec 1–31, budget 20000");
    await expectDraft(page, "Promo code", "SHOP20");
    await waitForAgentIdle(page);
    await expect.poll(() => checkState(page, "policy"), { timeout: 30_000 }).toBe("fail");
    expect(await page.getByTestId("check-policy").innerText()).toContain("18");
    await shot(page, "04-draft-against-new-policy");
    await ctx.close();
  });
});
