import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { api } from "./support/rest";

// Issue 16: the approval loop with a rejection reason the marketer reads; activation refused while a
// check fails; a policy change whose impact list names a live offer that then reads "blocked by policy".
// Each test makes its own offers and restores any policy it changes.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const tag = () => randomUUID().slice(0, 6).toUpperCase();

/** An offer made through the public API (the UI then manages it). */
async function makeOffer(key: string, body: Record<string, unknown>): Promise<{ offer_id: string }> {
  const res = await api(app, key, "POST", "/dashboard/offers", {
    offer_type: "percentage_discount", max_discount_unit: "%", offer_redemption_methods: ["promo_code"],
    total_budget_cents: 100_000, start_date: today(), end_date: inDays(10), ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function signedIn(role: "admin" | "marketer"): Promise<Page> {
  const page = await (await newContext(browser, app)).newPage();
  await signInAsDemo(page, role);
  return page;
}

describe("approvals", () => {
  it("a marketer submits, the admin rejects with a reason the marketer reads, then approves the resubmission", async () => {
    const title = `Loop ${tag()} 15% off`;
    const offer = await makeOffer(app.demo.marketer_key, { offer_value: 15, surface: "shopify", promo_code: `LOOP${tag()}`, short_text: title });
    const m = await signedIn("marketer");
    await m.goto(`/offers/${offer.offer_id}`);
    await m.getByRole("button", { name: "Submit for approval" }).click();
    await m.getByLabel("Note for the approver (optional)").fill("For the weekend");
    await m.getByRole("button", { name: "Submit", exact: true }).click();
    await expect.poll(() => m.getByTestId("manage-ok").innerText().catch(() => "")).toContain("Submitted for approval");
    expect(await m.getByTestId("review-badge").innerText()).toBe("awaiting approval");

    const a = await signedIn("admin");
    await a.goto("/approvals");
    await a.getByRole("link", { name: title }).waitFor();
    await shot(a, "16-approval-queue");
    await a.getByRole("link", { name: title }).click();
    await a.waitForURL(`**/offers/${offer.offer_id}`);
    await a.getByTestId("reject").click();
    await a.getByLabel("Why is it rejected? The marketer reads this.").fill("The budget is too high for a weekend offer");
    await a.getByRole("button", { name: "Reject with this reason" }).click();
    await expect.poll(() => a.getByTestId("manage-ok").innerText().catch(() => "")).toContain("Rejected");

    await m.reload();
    expect(await m.getByTestId("rejection-reason").innerText()).toContain("The budget is too high for a weekend offer");
    expect(await m.getByTestId("timeline").innerText()).toContain("Rejected: The budget is too high for a weekend offer");
    await shot(m, "16-marketer-sees-rejection");

    await m.getByRole("button", { name: "Submit for approval" }).click();
    await m.getByRole("button", { name: "Submit", exact: true }).click();
    await expect.poll(() => m.getByTestId("manage-ok").innerText().catch(() => "")).toContain("Submitted");
    await a.reload();
    await a.getByTestId("approve").click();
    await expect.poll(() => a.getByTestId("status-badge").first().innerText(), { timeout: 20_000 }).toBe("active");
    expect(await a.getByTestId("health-badge").first().innerText()).toBe("live");
    expect(await a.getByTestId("timeline").innerText()).toContain("Approved and activated");
    await shot(a, "16-approved");
    await m.context().close();
    await a.context().close();
  });

  it("refuses activation while a check fails, and says which", async () => {
    const before = (await api(app, app.demo.admin_key, "GET", "/api/discount-policies/hub")).body;
    const offer = await makeOffer(app.demo.admin_key, { offer_value: 20, surface: "hub", promo_code: `HUB${tag()}`, short_text: `Hub ${tag()} 20% off` });
    try {
      expect((await api(app, app.demo.admin_key, "PUT", "/api/discount-policies/hub", { ...strip(before), max_percent: 10 })).status).toBe(200);
      const a = await signedIn("admin");
      await a.goto(`/offers/${offer.offer_id}`);
      expect(await a.getByTestId("check-policy").getAttribute("data-state")).toBe("fail");
      expect(await a.getByTestId("approve-warning").innerText()).toContain("at most 10%");
      await a.getByTestId("approve").click();
      await expect.poll(() => a.getByTestId("manage-error").innerText().catch(() => "")).toContain("hub allows at most 10%");
      expect(await a.getByTestId("status-badge").first().innerText()).toBe("draft");
      await shot(a, "16-activation-refused");
      await a.context().close();
    } finally {
      await api(app, app.demo.admin_key, "PUT", "/api/discount-policies/hub", strip(before));
    }
  });
});

/** A policy read → the PUT body. */
function strip(p: Record<string, unknown>) {
  const { surface: _s, updated_at: _u, ...rest } = p;
  return rest;
}

describe("impact before a policy change", () => {
  it("names the live offer a lower maximum would block; after saving it reads blocked by policy", async () => {
    const before = (await api(app, app.demo.admin_key, "GET", "/api/discount-policies/marketplace")).body;
    const title = `Mkt ${tag()} 25% off`;
    const offer = await makeOffer(app.demo.admin_key, { offer_value: 25, surface: "marketplace", promo_code: `MKT${tag()}`, short_text: title, offer_status: "active" });
    try {
      const a = await signedIn("admin");
      await a.goto(`/offers/${offer.offer_id}`);
      expect(await a.getByTestId("health-badge").first().innerText()).toBe("live");
      await a.goto("/god/config/pricing/discounts");
      const slider = a.getByTestId("policy-marketplace").getByLabel("Maximum %");
      await slider.focus();
      for (let i = 0; i < 5; i++) await slider.press("ArrowLeft");
      await a.getByRole("button", { name: "Save marketplace" }).click();
      const impact = a.getByTestId("policy-marketplace").getByTestId("impact-list");
      await impact.waitFor({ timeout: 20_000 });
      expect(await impact.innerText()).toContain(title);
      expect(await impact.innerText()).toContain("blocked by policy");
      await shot(a, "16-policy-impact");
      await a.getByTestId("policy-marketplace").getByRole("button", { name: "Confirm save" }).click();
      await expect.poll(() => a.getByTestId("policy-marketplace").innerText()).toContain("Saved: marketplace allows 5–20% off");
      await a.goto(`/offers/${offer.offer_id}`);
      expect(await a.getByTestId("health-badge").first().innerText()).toBe("blocked by policy");
      expect(await a.getByTestId("timeline").innerText()).toContain("marketplace policy changed: 5–25% → 5–20%");
      await shot(a, "16-blocked-by-policy");
      await a.goto("/offers");
      expect(await a.getByRole("row").filter({ hasText: title }).getByTestId("health-badge").innerText()).toBe("blocked by policy");
      await a.context().close();
    } finally {
      await api(app, app.demo.admin_key, "PUT", "/api/discount-policies/marketplace", strip(before));
    }
  });
});
