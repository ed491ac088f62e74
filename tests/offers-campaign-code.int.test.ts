import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// create_offer in one transaction: the offer, its campaign link (an existing campaign_id or a new
// campaign inline) and its governed promo code — and free-shipping and BOGO offers with a code.

let t: TestDatabase;
let g: GovernedTenant;
let other: GovernedTenant;
const clock = testClock();
const CODE_OFFER = { offer_type: "percentage_discount", offer_value: 20, max_discount_unit: "%", offer_redemption_methods: ["promo_code"], surface: "shopify", offer_status: "active" };

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  other = await governedTenant(t.database, clock);
});
afterAll(() => t?.cleanup());

const campaignsNamed = async (name: string) => {
  const res = await g.call("GET", "/dashboard/campaigns?limit=100", { key: g.admin.key });
  return (res.body.campaigns as { campaign_name: string; campaign_id: string }[]).filter((c) => c.campaign_name === name);
};
const offerCount = async () => (await g.call("GET", "/dashboard/offers?limit=1", { key: g.admin.key })).body.total_count as number;

describe("create_offer links a campaign in the same transaction", () => {
  it("links an existing campaign of the tenant by campaign_id", async () => {
    const camp = await g.call("POST", "/dashboard/campaigns", { key: g.admin.key, body: { campaign_name: "Winter", start_date: "2026-12-01", end_date: "2026-12-31" } });
    expectStatus(camp, 201);
    const res = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { ...CODE_OFFER, promo_code: "WINTER20", campaign_id: camp.body.campaign_id } });
    expectStatus(res, 201);
    expect(res.body.campaign_ids).toEqual([camp.body.campaign_id]);
    const listed = await g.call("GET", `/dashboard/campaigns/${camp.body.campaign_id}/offers`, { key: g.admin.key });
    expect(listed.body.offers.map((o: { offer_id: string }) => o.offer_id)).toEqual([res.body.offer_id]);
  });

  it("answers another tenant's (or an unknown) campaign_id with 400 naming the field, and writes nothing", async () => {
    const foreign = await other.call("POST", "/dashboard/campaigns", { key: other.admin.key, body: { campaign_name: "Theirs" } });
    const before = await offerCount();
    const res = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { ...CODE_OFFER, promo_code: "FOREIGN20", campaign_id: foreign.body.campaign_id } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(["campaign_id"]);
    expect(await offerCount()).toBe(before);
  });

  it("creates a campaign described inline and links the offer to it", async () => {
    const campaign = { campaign_name: "Inline spring", start_date: "2027-03-01", end_date: "2027-03-31", budget_cents: 500_000 };
    const res = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { ...CODE_OFFER, promo_code: "SPRING20", campaign } });
    expectStatus(res, 201);
    const [made] = await campaignsNamed("Inline spring");
    expect(res.body.campaign_ids).toEqual([made.campaign_id]);
    expect(made).toMatchObject(campaign);
  });

  it("rolls back offer, campaign and link together when the code's policy check refuses", async () => {
    const before = await offerCount();
    const res = await g.call("POST", "/dashboard/offers", {
      key: g.admin.key, body: { ...CODE_OFFER, offer_value: 40, promo_code: "GREEDY40", campaign: { campaign_name: "Doomed campaign" } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("policy_violation");
    expect(await campaignsNamed("Doomed campaign")).toEqual([]);
    expect(await offerCount()).toBe(before);
  });

  it("refuses both shapes at once, a bad inline campaign, and a marketer's campaign budget", async () => {
    const both = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { offer_type: "bogo", campaign_id: crypto.randomUUID(), campaign: { campaign_name: "X" } } });
    expect(both.status).toBe(400);
    expect(both.body.error.details.fields[0].field).toBe("campaign");
    const dates = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { offer_type: "bogo", campaign: { campaign_name: "X", start_date: "2026-12-31", end_date: "2026-12-01" } } });
    expect(dates.body.error.details.fields[0].field).toBe("campaign.end_date");
    const budget = await g.call("POST", "/dashboard/offers", { key: g.marketer.key, body: { offer_type: "bogo", campaign: { campaign_name: "Mine", budget_cents: 100 } } });
    expect(budget.status).toBe(403);
    const plain = await g.call("POST", "/dashboard/offers", { key: g.marketer.key, body: { offer_type: "bogo", campaign: { campaign_name: "Marketer campaign" } } });
    expectStatus(plain, 201);
    expect(plain.body.campaign_ids).toHaveLength(1);
  });
});

describe("free-shipping and BOGO offers with a promo code", () => {
  const methods = { offer_redemption_methods: ["promo_code"], surface: "shopify", offer_status: "active" };

  it("a free-shipping offer gets a governed free_shipping code that redeems for 0 cents", async () => {
    const res = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { offer_type: "free_shipping", promo_code: "SHIPFREE", total_usage_limit: 1, ...methods } });
    expectStatus(res, 201);
    const code = await g.call("GET", `/dashboard/promo-codes/${res.body.promo_codes[0].code_id}`, { key: g.admin.key });
    expect(code.body).toMatchObject({ discount_type: "free_shipping", value: 0, usage_limit: 1, status: "active" });
    const ok = await g.redeem({ promo_code: "SHIPFREE" });
    expectStatus(ok, 201);
    expect(ok.body.discount_cents).toBe(0);
    const again = await g.redeem({ promo_code: "SHIPFREE" });
    expect(again.body.error.code).toBe("usage_limit");
  });

  it("a free_shipping code through the promo-code API carries value 0, and is still policy-gated", async () => {
    const bad = await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "shopify", discount_type: "free_shipping", value: 5 } });
    expect(bad.status).toBe(400);
    const off = await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "wix", discount_type: "free_shipping", value: 0 } });
    expect(off.body.error.code).toBe("policy_violation");
  });

  it("a BOGO's second-item percent is half of it on the pair: 50% passes as 25%, 100% is refused", async () => {
    const half = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { offer_type: "bogo", offer_value: 50, promo_code: "BOGO50", ...methods } });
    expectStatus(half, 201);
    const code = await g.call("GET", `/dashboard/promo-codes/${half.body.promo_codes[0].code_id}`, { key: g.admin.key });
    expect(code.body).toMatchObject({ discount_type: "percentage", value: 25 });
    expect((await g.redeem({ promo_code: "BOGO50", order_total_cents: 4_000 })).body.discount_cents).toBe(1_000);
    const free = await g.call("POST", "/dashboard/offers", { key: g.admin.key, body: { offer_type: "bogo", offer_value: 100, promo_code: "BOGOFREE", ...methods } });
    expect(free.status).toBe(422);
    expect(free.body.error).toMatchObject({ code: "policy_violation", message: expect.stringMatching(/at most 25% — 50%/) });
  });
});
