import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeMerchant, makeOffer } from "./offers-support";

let t: TestDatabase;
let call: Call;
let a: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let b: Awaited<ReturnType<typeof makeTenantWithKeys>>;

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database);
  a = await makeTenantWithKeys(t.database);
  b = await makeTenantWithKeys(t.database);
});
afterAll(() => t?.cleanup());

describe("merchants, types, controls, programs, campaigns", () => {
  it("keeps merchants with their locations; PUT replaces locations", async () => {
    const id = await makeMerchant(call, a.admin.key, "Northwind Outdoor");
    const got = await call("GET", `/dashboard/merchants/${id}`, { key: a.connector.key });
    expect(got.body).toMatchObject({ merchant_name: "Northwind Outdoor", status: "active", locations: [{ city: "Seattle", state: "WA" }] });
    const put = await call("PUT", `/dashboard/merchants/${id}`, { key: a.marketer.key, body: { merchant_type: "retail", locations: [{ city: "Denver", postal_code: "80202", latitude: 39.7, longitude: -104.9 }] } });
    expect(put.body.locations).toEqual([expect.objectContaining({ city: "Denver", postal_code: "80202", latitude: 39.7 })]);
    const offer = await makeOffer(call, a.marketer.key, { merchant_owner: id });
    expect((await call("DELETE", `/dashboard/merchants/${id}`, { key: a.admin.key })).status).toBe(409);
    await call("DELETE", `/dashboard/offers/${offer.offer_id}`, { key: a.admin.key });
    expect((await call("DELETE", `/dashboard/merchants/${id}`, { key: a.admin.key })).status).toBe(204);
  });

  it("manages offer types; a custom type name becomes a valid offer_type", async () => {
    const res = await call("POST", "/dashboard/offers/types", { key: a.admin.key, body: { type_name: "loyalty_points", type_description: "Points" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type_name: "loyalty_points", is_active: true });
    expect((await call("POST", "/dashboard/offers/types", { key: a.admin.key, body: { type_name: "loyalty_points" } })).status).toBe(409);
    expect((await makeOffer(call, a.marketer.key, { offer_type: "loyalty_points" })).offer_type).toBe("loyalty_points");
    await call("PUT", `/dashboard/offers/types/${res.body.offer_type_id}`, { key: a.admin.key, body: { is_active: false } });
    const refused = await call("POST", "/dashboard/offers", { key: a.marketer.key, body: { offer_type: "loyalty_points" } });
    expect(refused.status).toBe(400);
  });

  it("stores redemption controls with limits and location restrictions of the tenant's own locations", async () => {
    const merchant = await call("POST", "/dashboard/merchants", { key: a.admin.key, body: { merchant_name: "M", locations: [{ city: "Austin" }] } });
    const offer = await makeOffer(call, a.marketer.key);
    const locId = merchant.body.locations[0].location_id;
    const res = await call("POST", "/dashboard/offers/redemption-controls", { key: a.marketer.key, body: { offer_id: offer.offer_id, usage_limit: 100, per_customer_limit: 1, location_restrictions: [locId] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ usage_limit: 100, per_customer_limit: 1, location_restrictions: [locId] });
    const list = await call("GET", `/dashboard/offers/redemption-controls?offer_id=${offer.offer_id}`, { key: a.marketer.key });
    expect(list.body).toMatchObject({ total_count: 1, limit: 20, offset: 0 });
    const bad = await call("POST", "/dashboard/offers/redemption-controls", { key: a.marketer.key, body: { offer_id: offer.offer_id, location_restrictions: [crypto.randomUUID()] } });
    expect(bad.status).toBe(400);
  });

  it("links programs, campaigns and offers; only an admin sets a campaign budget", async () => {
    const program = await call("POST", "/dashboard/programs", { key: a.marketer.key, body: { program_name: "Dealers", program_type: "closed_loop", partner_id: "P-9" } });
    expect(program.status).toBe(201);
    expect((await call("POST", "/dashboard/programs", { key: a.marketer.key, body: { program_name: "X", program_type: "loop" } })).status).toBe(400);
    const campaignBody = { program_id: program.body.program_id, campaign_name: "Winter", campaign_type: "seasonal", start_date: "2026-12-01", end_date: "2026-12-31", budget_cents: 500_000 };
    expect((await call("POST", "/dashboard/campaigns", { key: a.marketer.key, body: campaignBody })).status).toBe(403);
    const campaign = await call("POST", "/dashboard/campaigns", { key: a.admin.key, body: campaignBody });
    expect(campaign.status).toBe(201);
    expect(campaign.body).toMatchObject({ start_date: "2026-12-01", end_date: "2026-12-31", budget_cents: 500_000 });
    expect((await call("POST", "/dashboard/campaigns", { key: a.admin.key, body: { ...campaignBody, end_date: "2026-11-01" } })).status).toBe(400);
    const listed = await call("GET", `/dashboard/programs/${program.body.program_id}/campaigns`, { key: a.marketer.key });
    expect(listed.body.campaigns.map((c: { campaign_id: string }) => c.campaign_id)).toEqual([campaign.body.campaign_id]);
    const offer = await makeOffer(call, a.marketer.key);
    const link = await call("POST", `/dashboard/campaigns/${campaign.body.campaign_id}/offers`, { key: a.marketer.key, body: { offer_id: offer.offer_id } });
    expect(link.status).toBe(201);
    expect((await call("POST", `/dashboard/campaigns/${campaign.body.campaign_id}/offers`, { key: a.marketer.key, body: { offer_id: offer.offer_id } })).status).toBe(409);
    const offers = await call("GET", `/dashboard/campaigns/${campaign.body.campaign_id}/offers`, { key: a.marketer.key });
    expect(offers.body).toMatchObject({ total_count: 1, offers: [{ offer_id: offer.offer_id }] });
    expect((await call("DELETE", `/dashboard/programs/${program.body.program_id}`, { key: a.admin.key })).status).toBe(409);
  });
});

describe("tenant isolation: another tenant's ids are 404 on every resource", () => {
  it("never reveals tenant A's objects to tenant B's admin", async () => {
    const merchant = await call("POST", "/dashboard/merchants", { key: a.admin.key, body: { merchant_name: "Secret", locations: [{ city: "X" }] } });
    const offer = await makeOffer(call, a.admin.key, { short_text: "A only" });
    const type = await call("POST", "/dashboard/offers/types", { key: a.admin.key, body: { type_name: "a_only_type" } });
    const control = await call("POST", "/dashboard/offers/redemption-controls", { key: a.admin.key, body: { offer_id: offer.offer_id, usage_limit: 5 } });
    const program = await call("POST", "/dashboard/programs", { key: a.admin.key, body: { program_name: "A", program_type: "hybrid" } });
    const campaign = await call("POST", "/dashboard/campaigns", { key: a.admin.key, body: { campaign_name: "A", program_id: program.body.program_id } });
    const o = `/dashboard/offers/${offer.offer_id}`;
    const probes: [string, string, unknown?][] = [
      ["GET", o], ["PUT", o, { short_text: "pwned" }], ["DELETE", o], ["POST", `${o}/activate`], ["POST", `${o}/deactivate`],
      ["POST", `${o}/duplicate`], ["GET", `${o}/preview`], ["GET", `${o}/analytics`], ["GET", `${o}/descriptives`],
      ["POST", `${o}/descriptives`, { language_code: "fr" }], ["PUT", `${o}/descriptives`, { language_code: "en", short_text: "x" }],
      ["POST", `${o}/customer-lists`, { customers: ["a@b.co"] }],
      ["GET", `/dashboard/merchants/${merchant.body.merchant_id}`], ["PUT", `/dashboard/merchants/${merchant.body.merchant_id}`, { merchant_name: "x" }],
      ["DELETE", `/dashboard/merchants/${merchant.body.merchant_id}`],
      ["GET", `/dashboard/offers/types/${type.body.offer_type_id}`], ["PUT", `/dashboard/offers/types/${type.body.offer_type_id}`, { is_active: false }],
      ["DELETE", `/dashboard/offers/types/${type.body.offer_type_id}`],
      ["GET", `/dashboard/offers/redemption-controls/${control.body.control_id}`], ["PUT", `/dashboard/offers/redemption-controls/${control.body.control_id}`, { usage_limit: 1 }],
      ["DELETE", `/dashboard/offers/redemption-controls/${control.body.control_id}`],
      ["GET", `/dashboard/programs/${program.body.program_id}`], ["PUT", `/dashboard/programs/${program.body.program_id}`, { program_name: "x" }],
      ["DELETE", `/dashboard/programs/${program.body.program_id}`], ["GET", `/dashboard/programs/${program.body.program_id}/campaigns`],
      ["GET", `/dashboard/campaigns/${campaign.body.campaign_id}`], ["PUT", `/dashboard/campaigns/${campaign.body.campaign_id}`, { campaign_name: "x" }],
      ["DELETE", `/dashboard/campaigns/${campaign.body.campaign_id}`], ["GET", `/dashboard/campaigns/${campaign.body.campaign_id}/offers`],
    ];
    for (const [method, path, body] of probes) {
      const res = await call(method, path, { key: b.admin.key, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    // B cannot point its own objects at A's either: unknown references are 400, never a link.
    const bOffer = await makeOffer(call, b.admin.key);
    const bCampaign = await call("POST", "/dashboard/campaigns", { key: b.admin.key, body: { campaign_name: "B" } });
    expect((await call("POST", `/dashboard/campaigns/${bCampaign.body.campaign_id}/offers`, { key: b.admin.key, body: { offer_id: offer.offer_id } })).status).toBe(400);
    expect((await call("POST", "/dashboard/offers", { key: b.admin.key, body: { offer_type: "bogo", merchant_owner: merchant.body.merchant_id } })).status).toBe(400);
    expect((await call("PUT", `/dashboard/offers/${bOffer.offer_id}`, { key: b.admin.key, body: { program_id: program.body.program_id } })).status).toBe(400);
    // Lists never include A's rows; A's object is unchanged.
    const lists = await Promise.all(["/dashboard/offers", "/dashboard/merchants", "/dashboard/offers/types", "/dashboard/programs", "/dashboard/campaigns", "/dashboard/offers/redemption-controls"]
      .map((p) => call("GET", `${p}?limit=100`, { key: b.admin.key })));
    const text = JSON.stringify(lists.map((l) => l.body));
    for (const id of [offer.offer_id, merchant.body.merchant_id, type.body.offer_type_id, program.body.program_id, campaign.body.campaign_id]) expect(text).not.toContain(id);
    expect((await call("GET", o, { key: a.admin.key })).body.short_text).toBe("A only");
  });
});
