import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { chatText, checkState, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";
import { api } from "./support/rest";

// Scenario 2: 90% off is outside every surface's policy (max 25% in the demo): the copilot says so,
// proposes the maximum, offers no review, and nothing is created.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("copilot: over-limit discount", () => {
  it("explains the policy limit, proposes 25%, takes the suggestion as an edit, and a cancel creates nothing", async () => {
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

    // Taking the suggestion edits the form; the agent sees the edit with the next message.
    await page.getByRole("button", { name: "Apply to the draft" }).click();
    expect(await page.getByLabel("Value", { exact: true }).inputValue()).toBe("25");
    await sendMessage(page, "Looks good");
    await page.getByTestId("review-panel").waitFor({ timeout: 60_000 });
    // The panel re-checks form edits on its own (debounced), so it settles shortly after the edit.
    await expect.poll(() => checkState(page, "policy"), { timeout: 30_000 }).toBe("pass");
    await shot(page, "02-suggestion-applied");

    // Cancelling the review writes nothing; the draft stays to be changed.
    await page.getByTestId("cancel-draft").click();
    await expect.poll(() => chatText(page), { timeout: 30_000 }).toContain("no offer was created");
    const codes = await api(app, app.demo.admin_key, "GET", "/dashboard/promo-codes?limit=100");
    expect(codes.status).toBe(200);
    expect(JSON.stringify(codes.body)).not.toContain("HUGE90");

    // A connector asking the core directly for 90% is refused and audited; the control room groups it.
    const refused = await api(app, app.demo.connector_key, "POST", "/dashboard/promo-codes", { surface: "shopify", discount_type: "percentage", value: 90, promo_code: "HUGE90" });
    expect(refused.status).toBe(422);
    await page.goto("/god/config/pricing/discounts");
    const group = page.getByTestId("reason-group").filter({ hasText: "policy_violation" });
    expect(await group.count()).toBe(1);
    await shot(page, "02-decisions-by-reason");
    await ctx.close();
  });
});
