import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type SharedApp, sharedApp } from "./support/app-server";
import { launchBrowser, newContext, shot, signInAsDemo } from "./support/browser";
import { api } from "./support/rest";

// Issue 16: the offer page edits its redemption controls' allowed locations. An admin picks two stores, the
// save says so, a reload shows them, and a connector's validate is refused at a third store and allowed at
// the first; a marketer on an active offer reads inline that an admin must change them.

let app: SharedApp;
let browser: Browser;
beforeAll(async () => { app = await sharedApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** The calendar day n days from now (0: today). */
const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const tag = () => randomUUID().slice(0, 6).toUpperCase();
const LABEL = "Allowed locations (empty: any location)";

async function signedIn(role: "admin" | "marketer"): Promise<Page> {
  const page = await (await newContext(browser, app)).newPage();
  await signInAsDemo(page, role);
  return page;
}

/** A merchant with stores 1, 2 and 9 (location ids are the tool's UUIDs; the page shows their names). */
async function stores(name: string): Promise<Record<"s1" | "s2" | "s9", string>> {
  const res = await api(app, app.demo.admin_key, "POST", "/dashboard/merchants", {
    merchant_name: name, locations: [{ city: "store-1" }, { city: "store-2" }, { city: "store-9" }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const at = (city: string) => res.body.locations.find((l: { city: string }) => l.city === city).location_id as string;
  return { s1: at("store-1"), s2: at("store-2"), s9: at("store-9") };
}

/** An active 10% Shopify offer with its promo code, made by the admin through the public API. */
async function activeOffer(promo: string): Promise<string> {
  const res = await api(app, app.demo.admin_key, "POST", "/dashboard/offers", {
    offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%", offer_redemption_methods: ["promo_code"], surface: "shopify",
    promo_code: promo, short_text: `Stores ${promo}`, total_budget_cents: 100_000, start_date: day(0), end_date: day(10), offer_status: "active",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.offer_id;
}

/** What a connector's checkout asks before redeeming: may this code be used at this location? */
const validate = (promo: string, location_id: string) => api(app, app.demo.connector_key, "POST", "/dashboard/promo-codes/validate", {
  promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: `e2e-${tag()}`, location_id,
});

const chipIds = (p: Page) => p.getByTestId("location-chip").evaluateAll((els) => els.map((e) => e.getAttribute("data-location-id")));

describe("allowed locations of an offer's redemption controls", () => {
  it("an admin allows store-1 and store-2, the save says so, a reload shows them, and validate follows them", async () => {
    const merchant = `Harbor ${tag()}`;
    const { s1, s2, s9 } = await stores(merchant);
    const promo = `LOC${tag()}`;
    const id = await activeOffer(promo);
    expect((await validate(promo, s9)).body).toMatchObject({ valid: true });

    const a = await signedIn("admin");
    await a.goto(`/offers/${id}`);
    const field = a.getByLabel(LABEL);
    await field.fill("store-1, store-2");
    expect(await a.getByTestId("locations-error").innerText()).toContain("\"store-1\", \"store-2\" are not location ids");
    expect(await a.getByTestId("save-controls").isDisabled()).toBe(true);
    // The invalid field's box is drawn in the error's red, like the other fields' inputs.
    const red = await a.getByTestId("locations-error").evaluate((el) => getComputedStyle(el).color);
    expect(await field.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(red);
    await shot(a, "16-controls-locations-invalid");

    const stranger = randomUUID();
    await field.fill(stranger);
    await a.getByTestId("save-controls").click();
    await expect.poll(() => a.getByTestId("locations-error").innerText().catch(() => ""), { timeout: 20_000 })
      .toBe(`"${stranger}" is not one of your locations.`);
    expect(await a.getByTestId("controls-error").innerText()).toBe(`Not saved: "${stranger}" is not one of your locations.`);
    expect(await a.getByTestId("controls-saved").count()).toBe(0);

    await field.fill(` ${s1} ,\n${s1}, `);
    await a.locator("summary", { hasText: "Your locations" }).click();
    await a.getByRole("button", { name: `Allow ${merchant} — store-2` }).click();
    expect(await chipIds(a)).toEqual([s1, s2]);
    expect(await a.getByTestId("location-chips").innerText()).toContain(`${merchant} — store-1`);
    expect(await a.getByTestId("locations-error").count()).toBe(0);
    await a.getByTestId("save-controls").click();
    await expect.poll(() => a.getByTestId("controls-saved").innerText().catch(() => ""), { timeout: 20_000 })
      .toBe("Saved: redemption controls added (redeemable at 2 locations only).");
    await shot(a, "16-controls-locations-saved");

    await a.reload();
    expect(await chipIds(a)).toEqual([s1, s2]);
    expect((await a.getByLabel(LABEL).inputValue()).split("\n")).toEqual([s1, s2]);

    const refused = await validate(promo, s9);
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.valid).toBe(false);
    expect(refused.body.reasons.map((r: { code: string }) => r.code)).toEqual(["not_eligible"]);
    expect(refused.body.reasons[0].message).toMatch(/location/);
    expect((await validate(promo, s1)).body).toMatchObject({ valid: true, reasons: [] });
    await a.context().close();
  });

  it("a marketer on an active offer reads inline that an admin must change them; nothing is saved", async () => {
    const merchant = `Pier ${tag()}`;
    const { s1 } = await stores(merchant);
    const promo = `LOM${tag()}`;
    const id = await activeOffer(promo);

    const m = await signedIn("marketer");
    await m.goto(`/offers/${id}`);
    await m.getByLabel(LABEL).fill(s1);
    await m.getByTestId("save-controls").click();
    const error = m.getByTestId("controls-error");
    await expect.poll(() => error.innerText().catch(() => ""), { timeout: 20_000 }).toContain("needs an admin");
    expect(await error.innerText()).toContain("ask an admin to make this change");
    expect(await error.innerText()).not.toMatch(/forbidden|redemption_control|403|\{/);
    expect(await m.getByTestId("controls-saved").count()).toBe(0);
    await shot(m, "16-controls-marketer-needs-admin");

    const listed = await api(app, app.demo.admin_key, "GET", `/dashboard/offers/redemption-controls?offer_id=${id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.total_count).toBe(0);
    expect((await validate(promo, s1)).body).toMatchObject({ valid: true });
    await m.context().close();
  });
});
