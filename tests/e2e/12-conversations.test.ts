import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { ARTIFACTS, launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { chatText, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";

// Issue 15 in the browser: a goal-only brief gets a recommendation with reasons and a forecast; the agent's own
// question is answered the way people answer ("$5,000"); the flagship brief fills every field it states. Each
// conversation is written to artifacts/e2e/conversations.md as the chat showed it (nothing is confirmed or saved).

let app: SharedApp;
let browser: Browser;
const LOG = path.join(ARTIFACTS, "conversations.md");

beforeAll(async () => {
  app = await sharedApp();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(LOG, "# Copilot conversations, as the chat showed them\n");
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in as the demo marketer and opens a new conversation. */
async function newConversation(): Promise<Page> {
  const ctx = await newContext(browser, app);
  const page = await ctx.newPage();
  await signInAsDemo(page, "marketer");
  await openCopilot(page);
  return page;
}

/** Sends one turn and waits for the agent to finish it. */
async function turn(page: Page, text: string): Promise<void> {
  await sendMessage(page, text);
  await waitForAgentIdle(page, 90_000);
}

/** Appends the whole chat under a heading, for the closing note and for people reading the artifacts. */
async function record(page: Page, title: string): Promise<string> {
  const text = await chatText(page);
  appendFileSync(LOG, `\n## ${title}\n\n\`\`\`\n${text.trim()}\n\`\`\`\n`);
  return text;
}

describe("copilot conversations (issue 15)", () => {
  it("a goal-only brief: the money it has is the budget, and 'What do you suggest?' proposes an offer with reasons", async () => {
    const page = await newConversation();
    await turn(page, "Grow Q4 dealer sales 20%, we have $50k");
    await expectDraft(page, "Total budget", "50000");
    await turn(page, "What do you suggest?");
    await expect.poll(() => page.getByLabel("Value", { exact: true }).inputValue(), { timeout: 60_000 }).not.toBe("");
    const value = Number(await page.getByLabel("Value", { exact: true }).inputValue());
    expect(value).toBeGreaterThanOrEqual(5);
    expect(value).toBeLessThanOrEqual(25);
    const text = await record(page, "A goal with a budget, then “What do you suggest?”");
    expect(text).toMatch(/past offers|benchmark/i);
    // The advice is a list a marketer can scan, not one run-on line of bullets.
    expect(await page.locator(".copilotKitMessages li").count()).toBeGreaterThan(2);
    await shot(page, "15-goal-only-suggestion");
  });

  it("answers the agent's budget question with '$5,000' and the form takes it", async () => {
    const page = await newConversation();
    await turn(page, "20% off for members on shopify, Dec 1 to Dec 31, code MEMBER20");
    expect(await chatText(page)).toMatch(/budget/i);
    await turn(page, "$5,000");
    await record(page, "A missing budget, answered the way people answer");
    await expectDraft(page, "Total budget", "5000");
  });

  it("the document's example brief fills every field it states and shows a forecast", async () => {
    const page = await newConversation();
    await turn(page, "Q4 push for our dealers: 20% off all equipment Dec 1 to Dec 31, code DEALER20, 3 uses per dealer, budget $50k");
    await expectDraft(page, "Value", "20");
    await expectDraft(page, "Start date", "2026-12-01");
    await expectDraft(page, "End date", "2026-12-31");
    await expectDraft(page, "Promo code", "DEALER20");
    await expectDraft(page, "Limit per customer", "3");
    await expectDraft(page, "Total budget", "50000");
    await page.getByTestId("forecast").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("forecast-summary").innerText()).toMatch(/redemption/i);
    await record(page, "The Offer Manager document's example brief");
    await shot(page, "15-flagship-forecast");
  });
});
