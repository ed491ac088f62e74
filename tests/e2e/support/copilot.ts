import { expect } from "vitest";
import type { Page } from "playwright-core";

// Driving the copilot page: send a chat message, wait for the agent, read the draft form and checks.

export const EXAMPLE_BRIEF =
  "Increase Q4 sales by 20% with a promotion for our dealers: 20% off all equipment purchases, promo code DEALER20, limit 3 per customer, 1000 total redemptions, runs Dec 1–31, budget 50000";

/** Opens a new conversation and waits until the chat has connected to its thread (the input is enabled then). */
export async function openCopilot(page: Page): Promise<void> {
  await page.goto("/");
  await page.waitForURL(/\?thread=[0-9a-f-]{36}/);
  await page.waitForSelector('html[data-copilot-ready="1"]');
  await waitForChatReady(page);
}

/** The chat's message box, found by its accessible label as a screen-reader user would. */
export const chatInput = (page: Page) => page.getByLabel("Message the copilot", { exact: true });

/** The input shows "Connecting…" and stays disabled until the thread connect has finished. */
export async function waitForChatReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-chat-status="ready"]').waitFor({ timeout });
  await expect.poll(() => chatInput(page).isEnabled(), { timeout }).toBe(true);
}

/**
 * Types a message and sends it with Enter, as a user would, once; waits until the chat shows it. The input
 * is disabled until the thread is connected and holds sends while the agent is still working, so one send
 * is enough: no message is dropped by the thread connect.
 */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = chatInput(page);
  const sent = page.locator(".copilotKitUserMessage");
  const before = await sent.count();
  await waitForChatReady(page);
  await page.waitForSelector('[data-testid="copilot-send-button"][aria-label="Send"]', { timeout: 60_000 });
  await input.fill(text);
  await input.press("Enter");
  try {
    await expect.poll(() => sent.count(), { timeout: 15_000 }).toBeGreaterThan(before);
  } catch {
    await page.screenshot({ path: `artifacts/e2e/failure-send-${Date.now()}.png`, fullPage: true }).catch(() => {});
    throw new Error(`The chat did not show the sent message (input now: "${await input.inputValue()}"): ${text}`);
  }
}

/** Waits until the agent has finished its turn (status line no longer says it is working). */
export async function waitForAgentIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="agent-status"]')?.textContent ?? "";
    return !s.includes("working");
  }, undefined, { timeout });
}

/** The current value of a draft form control, by its visible label. */
export const draftValue = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

/** All chat text (user and assistant), for asserting what the copilot said. */
export const chatText = (page: Page) => page.locator(".copilotKitMessages").innerText();

/** State of one row of the validation panel: pass, fail or pending. */
export const checkState = (page: Page, id: string) => page.getByTestId(`check-${id}`).getAttribute("data-state");

/** Waits for a draft field to hold the expected value. */
export async function expectDraft(page: Page, label: string, value: string, timeout = 60_000): Promise<void> {
  await expect.poll(() => draftValue(page, label), { timeout }).toBe(value);
}
