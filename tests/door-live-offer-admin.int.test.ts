import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { mcpErrorCode, must, offerDoorTenant, serveMcp } from "./support/offer-doors";

// Issue 10 door 2 (CONTRACT §6): on an active offer, or a campaign with budget_cents, a marketer may
// not change redemption controls, campaign links, campaign budgets, customer lists, offer dates or
// code limits/status: 403 forbidden with a sentence saying an admin must do it, and nothing moves.
// Drafts stay freely editable; an admin may make every one of these changes.

let t: TestDatabase;
let d: Awaited<ReturnType<typeof offerDoorTenant>>;
let mcp: Awaited<ReturnType<typeof serveMcp>>;
const clock = { now: new Date("2026-11-21T12:00:00Z") };

beforeAll(async () => {
  t = await createTestDatabase();
  d = await offerDoorTenant(t.database, clock);
  mcp = await serveMcp(t.database, clock);
});
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

/** Asserts the 403 an admin-only change gets, and that its message sends the marketer to an admin. */
function refused(res: { status: number; body: any }) {
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe("forbidden");
  expect(res.body.error.message).toMatch(/needs an admin|Only an admin/);
}

const live = () => d.offer(d.admin.key, { offer_status: "active" });
const get = async (path: string) => must(await d.call("GET", path, { key: d.admin.key }), 200).body;

describe("door 2: a marketer cannot loosen a live offer", () => {
  it("redemption controls of an active offer: create, relax and delete need an admin (REST and MCP)", async () => {
    const offer = await live();
    const control = must(await d.call("POST", "/dashboard/offers/redemption-controls", {
      key: d.admin.key, body: { offer_id: offer.offer_id, usage_limit: 1 },
    }), 201).body;
    const before = { money: await d.moneyState(), control: await get(`/dashboard/offers/redemption-controls/${control.control_id}`) };
    const path = `/dashboard/offers/redemption-controls/${control.control_id}`;
    refused(await d.call("PUT", path, { key: d.marketer.key, body: { usage_limit: 1000 } }));
    refused(await d.call("DELETE", path, { key: d.marketer.key }));
    refused(await d.call("POST", "/dashboard/offers/redemption-controls", { key: d.marketer.key, body: { offer_id: offer.offer_id, per_customer_limit: 9 } }));
    const client = await mcp.connect(d.marketer.key);
    expect(mcpErrorCode(await client.callTool({ name: "delete_redemption_control", arguments: { control_id: control.control_id } }))).toBe("forbidden");
    await client.close();
    expect(await get(path)).toEqual(before.control);
    expect((await get(`/dashboard/offers/redemption-controls?offer_id=${offer.offer_id}`)).total_count).toBe(1);
    expect(await d.moneyState()).toEqual(before.money);
    // The limit still holds: one use, then usage_limit.
    expect((await d.redeem(offer.promo_codes[0].promo_code)).status).toBe(201);
    expect((await d.redeem(offer.promo_codes[0].promo_code)).body.error.code).toBe("usage_limit");
    must(await d.call("PUT", path, { key: d.admin.key, body: { usage_limit: 5 } }), 200);
  });

  it("campaign links and budgets: a budgeted campaign and an active offer's links need an admin", async () => {
    const offer = await live();
    const campaign = must(await d.call("POST", "/dashboard/campaigns", { key: d.admin.key, body: { campaign_name: "Capped", budget_cents: 500 } }), 201).body;
    must(await d.call("POST", `/dashboard/campaigns/${campaign.campaign_id}/offers`, { key: d.admin.key, body: { offer_id: offer.offer_id } }), 201);
    const open = must(await d.call("POST", "/dashboard/campaigns", { key: d.marketer.key, body: { campaign_name: "Open" } }), 201).body;
    const other = await live();
    const before = await d.moneyState();
    refused(await d.call("DELETE", `/dashboard/campaigns/${campaign.campaign_id}`, { key: d.marketer.key }));
    refused(await d.call("PUT", `/dashboard/campaigns/${campaign.campaign_id}`, { key: d.marketer.key, body: { budget_cents: 50_000_000 } }));
    refused(await d.call("POST", `/dashboard/campaigns/${open.campaign_id}/offers`, { key: d.marketer.key, body: { offer_id: offer.offer_id } }));
    refused(await d.call("POST", `/dashboard/campaigns/${campaign.campaign_id}/offers`, { key: d.marketer.key, body: { offer_id: other.offer_id } }));
    expect(await get(`/dashboard/campaigns/${campaign.campaign_id}`)).toMatchObject({ budget_cents: 500 });
    expect((await get(`/dashboard/campaigns/${campaign.campaign_id}/offers`)).offers.map((o: { offer_id: string }) => o.offer_id)).toEqual([offer.offer_id]);
    expect((await get(`/dashboard/campaigns/${open.campaign_id}/offers`)).total_count).toBe(0);
    expect(await d.moneyState()).toEqual(before);
    // Drafts stay editable: a marketer links a draft to the budgeted campaign.
    const draft = await d.offer(d.marketer.key);
    must(await d.call("POST", `/dashboard/campaigns/${campaign.campaign_id}/offers`, { key: d.marketer.key, body: { offer_id: draft.offer_id } }), 201);
  });

  it("customer lists: adding one to an active offer needs an admin; a draft takes one from a marketer", async () => {
    const offer = await live();
    const body = { customers: ["a@example.com", "b@example.com"] };
    const before = await d.moneyState();
    refused(await d.call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: d.marketer.key, body }));
    expect(await d.moneyState()).toEqual(before);
    // Still open loop: anyone may redeem, so no list was stored.
    expect((await d.redeem(offer.promo_codes[0].promo_code)).status).toBe(201);
    const draft = await d.offer(d.marketer.key);
    must(await d.call("POST", `/dashboard/offers/${draft.offer_id}/customer-lists`, { key: d.marketer.key, body }), 201);
    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: d.admin.key, body }), 201);
  });

  it("offer dates and terms of an active offer need an admin; the code's window does not follow a refused edit", async () => {
    const offer = await live();
    const code = offer.promo_codes[0];
    const beforeOffer = await get(`/dashboard/offers/${offer.offer_id}`);
    const beforeCode = await get(`/dashboard/promo-codes/${code.code_id}`);
    const path = `/dashboard/offers/${offer.offer_id}`;
    refused(await d.call("PUT", path, { key: d.marketer.key, body: { offer_expiry_date: "2027-12-31" } }));
    refused(await d.call("PUT", path, { key: d.marketer.key, body: { version_active_from: "2026-01-01" } }));
    refused(await d.call("PUT", path, { key: d.marketer.key, body: { total_usage_limit: 100000 } }));
    expect(await get(path)).toEqual(beforeOffer);
    expect(await get(`/dashboard/promo-codes/${code.code_id}`)).toEqual(beforeCode);
    // Copy is not money or eligibility: a marketer may still fix a typo (and it is audited).
    must(await d.call("PUT", path, { key: d.marketer.key, body: { short_text: "Ten percent off" } }), 200);
    const draft = await d.offer(d.marketer.key);
    must(await d.call("PUT", `/dashboard/offers/${draft.offer_id}`, { key: d.marketer.key, body: { offer_expiry_date: "2027-01-31", total_usage_limit: 10 } }), 200);
  });

  it("an active offer's codes: limits, status and new codes need an admin", async () => {
    const offer = await live();
    const code = offer.promo_codes[0];
    const before = await d.moneyState();
    const beforeCode = await get(`/dashboard/promo-codes/${code.code_id}`);
    refused(await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.marketer.key, body: { usage_limit: 100000 } }));
    refused(await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.marketer.key, body: { status: "inactive" } }));
    refused(await d.call("DELETE", `/dashboard/promo-codes/${code.code_id}`, { key: d.marketer.key }));
    refused(await d.call("POST", "/dashboard/promo-codes", {
      key: d.marketer.key, body: { surface: "shopify", discount_type: "percentage", value: 25, offer_id: offer.offer_id },
    }));
    const client = await mcp.connect(d.marketer.key);
    const viaMcp = await client.callTool({ name: "update_discount_code", arguments: { code_id: code.code_id, per_customer_limit: 50 } });
    expect(mcpErrorCode(viaMcp)).toBe("forbidden");
    await client.close();
    expect(await get(`/dashboard/promo-codes/${code.code_id}`)).toEqual(beforeCode);
    expect(await d.moneyState()).toEqual(before);
    must(await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.admin.key, body: { usage_limit: 50 } }), 200);
  });
});
