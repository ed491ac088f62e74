import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";

// Scenario 5: a marketer's confirm saves a draft (no activate button for them); the admin activates it
// from the offer page.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("marketer drafts, admin activates", () => {
  it("saves the marketer's offer as a draft and lets the admin activate it", async () => {
    const mctx = await newContext(browser, app);
    const m = await mctx.newPage();
    await signInAsDemo(m, "marketer");
    expect(await m.getByTestId("role-badge").innerText()).toBe("Marketer");
    await openCopilot(m);
    await sendMessage(m, "15% off for students on Shopify with promo code STUDY15, limit 1 per customer, runs Dec 1–31, budget 5000");
    await expectDraft(m, "Promo code", "STUDY15");
    await waitForAgentIdle(m);
    await m.getByTestId("review-panel").waitFor();
    expect(await m.getByTestId("review-panel").innerText()).toContain("draft");

    // An edit during review goes back to the agent, is checked again, and the review is asked anew.
    await m.getByLabel("Limit per customer").fill("2");
    expect(await m.getByTestId("confirm-draft").innerText()).toBe("Check edits");
    await m.getByTestId("confirm-draft").click();
    await expect.poll(() => m.getByTestId("confirm-draft").innerText().catch(() => ""), { timeout: 60_000 }).toBe("Confirm");
    expect(await m.getByLabel("Limit per customer").inputValue()).toBe("2");
    await shot(m, "05-marketer-edited-review");
    await m.getByTestId("confirm-draft").click();
    const done = m.getByTestId("committed");
    await done.waitFor({ timeout: 60_000 });
    expect(await done.innerText()).toContain("draft");
    await m.getByRole("link", { name: "Open the offer" }).click();
    await m.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    const offerUrl = new URL(m.url()).pathname;
    expect(await m.getByTestId("status-badge").first().innerText()).toBe("draft");
    expect(await m.getByText("2 per customer, ∞ in total").count()).toBe(1);
    expect(await m.getByRole("button", { name: "Activate" }).count()).toBe(0);
    await shot(m, "05-marketer-draft");
    await mctx.close();

    const actx = await newContext(browser, app);
    const a = await actx.newPage();
    await signInAsDemo(a, "admin");
    await a.goto(offerUrl);
    await a.getByRole("button", { name: "Activate" }).click();
    await expect.poll(() => a.getByTestId("status-badge").first().innerText(), { timeout: 20_000 }).toBe("active");
    await shot(a, "05-admin-activated");
    await actx.close();
  });
});
