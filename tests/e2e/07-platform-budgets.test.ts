import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { PHONE, launchBrowser, newContext, shot } from "./support/browser";
import { api } from "./support/rest";

// Scenario 7: the platform operator pastes the platform key on /sign-in and watches every tenant's budget in
// the control room: the Kigo Demo row shows the same spent / headroom as the tenant's own GET /api/budget.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const usd = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/** Signs in the way a person with a key does: paste it into the form, submit. */
async function signInWithKey(page: Page, key: string, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => u.pathname === next);
}

describe("platform operator: per-tenant Headroom Monitor", () => {
  it("shows Kigo Demo's budget bar with the tenant's own numbers, and a tenant without a budget", async () => {
    // Some spend on the demo tenant: a 20% code redeemed on a $10,000 order, i.e. $2,000.
    const code = await api(app, app.demo.admin_key, "POST", "/dashboard/promo-codes", { surface: "shopify", discount_type: "percentage", value: 20 });
    expect(code.status).toBe(201);
    const redeem = await fetch(`${app.baseUrl}/dashboard/promo-codes/redeem`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.demo.connector_key}`, "content-type": "application/json", "Idempotency-Key": "e2e-platform-1" },
      body: JSON.stringify({ promo_code: code.body.promo_code, surface: "shopify", order_total_cents: 1_000_000, customer_id: "e2e-platform" }),
    });
    expect(redeem.status).toBe(201);
    const platform = app.demo.platform_key!;
    expect((await api(app, platform, "POST", "/api/tenants", { name: "Zeta Outlet" })).status).toBe(201);
    const own = await api(app, app.demo.admin_key, "GET", "/api/budget");
    expect(own.body.spent_cents).toBe(200_000);
    const listed = await api(app, platform, "GET", "/api/tenants/budgets");
    expect(listed.status).toBe(200);
    expect(listed.body.tenant_budgets.find((r: { name: string }) => r.name === "Kigo Demo")).toMatchObject(own.body);

    const ctx = await newContext(browser, app);
    const page = await ctx.newPage();
    await signInWithKey(page, platform, "/god/config/pricing/discounts");
    expect(await page.getByTestId("role-badge").innerText()).toContain("Platform operator");
    await page.getByRole("heading", { name: "Headroom Monitor — all tenants" }).waitFor();
    const demoRow = page.locator('[data-testid="tenant-budget-row"][data-tenant="Kigo Demo"]');
    await demoRow.waitFor();
    expect(await demoRow.getAttribute("data-color")).toBe("green");
    const text = await demoRow.innerText();
    expect(text).toContain(`${usd(own.body.spent_cents)} of ${usd(own.body.cap_cents)}`);
    expect(text).toContain(usd(own.body.headroom_cents));
    expect(text).toMatch(/\/ day/);
    expect(await page.getByRole("meter", { name: "Kigo Demo budget spent" }).getAttribute("aria-valuenow")).toBe("1");
    const zeta = page.locator('[data-testid="tenant-budget-row"][data-tenant="Zeta Outlet"]');
    expect(await zeta.innerText()).toContain("No budget set");
    await shot(page, "07-platform-budgets");

    // The same view fits a phone: the table scrolls inside its card, the page does not.
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, "07-platform-budgets-phone");

    // The platform key is not a tenant: the tenant's own endpoints stay closed to it.
    expect((await api(app, platform, "GET", "/api/budget")).status).toBe(403);
    await ctx.close();
  });
});
