import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { checkState, expectDraft, openCopilot, sendMessage, waitForAgentIdle } from "./support/copilot";
import { api } from "./support/rest";

// Issue 16: after "Saved as a draft" — form edits re-check without chat, inline errors in plain words,
// code management with a CSV download, a customer-list upload with rejected rows, and duplicate.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const tag = () => randomUUID().slice(0, 6).toUpperCase();

async function signedIn(role: "admin" | "marketer"): Promise<Page> {
  const page = await (await newContext(browser, app)).newPage();
  await signInAsDemo(page, role);
  return page;
}

async function marketerDraft(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api(app, app.demo.marketer_key, "POST", "/dashboard/offers", {
    offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%", offer_redemption_methods: ["promo_code"], surface: "shopify",
    promo_code: `M${tag()}`, short_text: title, long_text: "10% off everything", total_budget_cents: 50_000, start_date: inDays(1), end_date: inDays(20), ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.offer_id;
}

describe("the copilot form", () => {
  it("re-runs the checks as a field changes, with no chat message, and shows field errors inline", async () => {
    const m = await signedIn("marketer");
    await openCopilot(m);
    await sendMessage(m, "12% off for dealers on Shopify with promo code DEAL12, runs Dec 1–31, budget 4000");
    await expectDraft(m, "Promo code", "DEAL12");
    await waitForAgentIdle(m);
    await expect.poll(() => checkState(m, "budget"), { timeout: 30_000 }).toBe("pass");
    const sentBefore = await m.locator(".copilotKitMessages .copilotKitUserMessage").count();

    await m.getByLabel("Total budget", { exact: true }).fill("999999999");
    await expect.poll(() => checkState(m, "budget"), { timeout: 20_000 }).toBe("fail");
    expect(await m.getByTestId("check-budget").innerText()).toContain("left in");
    await shot(m, "16-form-recheck-budget");
    await m.getByLabel("Total budget", { exact: true }).fill("");
    await expect.poll(() => checkState(m, "budget"), { timeout: 20_000 }).toBe("question");
    expect(await m.locator(".copilotKitMessages .copilotKitUserMessage").count()).toBe(sentBefore);

    await m.getByLabel("Minimum spend", { exact: true }).fill("-5");
    expect(await m.getByTestId("field-error-minimumSpend").innerText()).toBe("Must be a number, 0 or more.");
    expect(await m.getByLabel("Minimum spend", { exact: true }).inputValue()).toBe("-5");
    await m.getByLabel("Title", { exact: true }).fill("x".repeat(230));
    expect(await m.getByTestId("field-error-title").innerText()).toContain("200 characters");
    expect(await m.locator("body").innerText()).not.toContain("That answer was not understood");
    await shot(m, "16-form-inline-errors");
    await m.context().close();
  });
});

describe("the offer page", () => {
  it("edits with inline errors and says it saved", async () => {
    const id = await marketerDraft(`Edit ${tag()}`);
    const m = await signedIn("marketer");
    await m.goto(`/offers/${id}?edit=1`);
    const form = m.getByTestId("edit-form");
    await form.getByLabel("Total budget").fill("-1");
    expect(await m.getByTestId("error-total_budget").innerText()).toBe("Must be a number, 0 or more.");
    expect(await form.getByRole("button", { name: "Save changes" }).isDisabled()).toBe(true);
    await form.getByLabel("End date").fill(inDays(0));
    expect(await m.getByTestId("error-end_date").innerText()).toContain("ends before it starts");
    await shot(m, "16-offer-inline-errors");
    await form.getByLabel("Total budget").fill("750");
    await form.getByLabel("End date").fill(inDays(25));
    await form.getByRole("button", { name: "Save changes" }).click();
    await m.getByTestId("edit-saved").waitFor();
    const got = await api(app, app.demo.marketer_key, "GET", `/dashboard/offers/${id}`);
    expect(got.body.total_budget_cents).toBe(75_000);
    await m.context().close();
  });

  it("manages codes: generates a batch and downloads them as CSV", async () => {
    const id = await marketerDraft(`Codes ${tag()}`);
    const m = await signedIn("marketer");
    await m.goto(`/offers/${id}`);
    await m.getByLabel("Generate a batch of").fill("5");
    await m.getByTestId("generate-codes").click();
    await expect.poll(() => m.getByTestId("codes-ok").innerText().catch(() => ""), { timeout: 30_000 }).toContain("5 codes generated");
    await expect.poll(() => m.getByTestId("promo-code").count()).toBe(6);
    const [download] = await Promise.all([m.waitForEvent("download"), m.getByTestId("codes-csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8").trim().split("\n");
    expect(csv[0]).toBe("promo_code,surface,discount_type,value,status,redemption_count,usage_limit,per_customer_limit,starts_at,expires_at");
    expect(csv).toHaveLength(7);
    await shot(m, "16-codes-batch");
    await m.context().close();
  });

  it("uploads a customer list and lists the rejected rows with reasons", async () => {
    const id = await marketerDraft(`List ${tag()}`);
    const m = await signedIn("marketer");
    await m.goto(`/offers/${id}`);
    const csv = "email\nann@example.com\nbad@example\nbob@example.com\n+1 555 123 4567\n";
    await m.getByLabel("Customer list (CSV)").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await m.getByRole("button", { name: "Upload list" }).click();
    await expect.poll(() => m.getByTestId("upload-ok").innerText().catch(() => ""), { timeout: 20_000 }).toContain("3 accepted, 1 rejected");
    expect(await m.getByTestId("rejected-rows").innerText()).toContain("bad@example");
    expect(await m.getByTestId("rejected-rows").innerText()).toContain("malformed email address");
    await shot(m, "16-customer-list-rejects");
    await m.context().close();
  });

  it("duplicates as \"Copy of …\", a draft opened for editing", async () => {
    const title = `Dup ${tag()}`;
    const id = await marketerDraft(title);
    const m = await signedIn("marketer");
    await m.goto(`/offers/${id}`);
    await m.getByTestId("duplicate").click();
    await m.getByTestId("confirm-duplicate").click();
    await m.waitForURL((u) => u.pathname.startsWith("/offers/") && !u.pathname.includes(id), { timeout: 20_000 });
    expect(await m.getByTestId("offer-title").innerText()).toContain(`Copy of ${title}`);
    expect(await m.getByTestId("status-badge").first().innerText()).toBe("draft");
    await m.getByTestId("copied").waitFor();
    expect(await m.getByTestId("edit-form").isVisible()).toBe(true);
    expect(await m.getByTestId("check-code").getAttribute("data-state")).toBe("fail");
    await shot(m, "16-duplicate");
    await m.context().close();
  });
});
