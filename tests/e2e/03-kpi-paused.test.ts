import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { EXAMPLE_BRIEF, chatText, checkState, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";
import { api } from "./support/rest";

// Scenario 3: a profit snapshot below its floor pauses discounts: the copilot warns, the draft's KPI
// check is red, and the control room's KPI Governor shows the failing floor.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("KPI floor breached", () => {
  it("warns in the copilot and shows red in the KPI Governor", async () => {
    const pushed = await api(app, app.demo.admin_key, "POST", "/api/kpi-snapshots", { kpi: "profit", value: -1200 });
    expect(pushed.status).toBe(201);

    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInAsDemo(page, "admin");
    await openCopilot(page);
    await sendMessage(page, EXAMPLE_BRIEF);
    await expectDraft(page, "Promo code", "DEALER20");
    await waitForAgentIdle(page);
    await expect.poll(() => checkState(page, "kpi"), { timeout: 30_000 }).toBe("fail");
    expect(await page.getByTestId("check-kpi").innerText()).toContain("profit");
    expect((await chatText(page)).toLowerCase()).toMatch(/paused|below the floor/);
    expect(await page.getByTestId("review-panel").count()).toBe(0);
    await shot(page, "03-copilot-kpi-paused");

    await page.goto("/god/config/pricing/discounts");
    await page.getByLabel("KPI", { exact: true }).selectOption({ label: "profit on shopify (failing)" });
    expect(await page.getByTestId("kpi-status").innerText()).toContain("Failing");
    expect(await page.getByTestId("kpi-status").innerText()).toContain("-1200");
    expect(await page.getByTestId("kpi-paused").isVisible()).toBe(true);
    await shot(page, "03-kpi-governor-red");
    await ctx.close();
  });
});
