import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeMerchant, makeOffer, step3Body } from "./offers-support";

let t: TestDatabase;
let call: Call;
let keys: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let merchantId: string;
const k = () => keys;
const NOW = new Date("2026-11-21T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database, { now: () => NOW });
  keys = await makeTenantWithKeys(t.database);
  merchantId = await makeMerchant(call, keys.admin.key);
});
afterAll(() => t?.cleanup());

describe("Step 3 example", () => {
  it("is accepted as-is from an admin and round-trips through GET", async () => {
    const body = step3Body(merchantId);
    const created = await call("POST", "/dashboard/offers", { key: keys.admin.key, body });
    expect(created.status).toBe(201);
    const got = await call("GET", `/dashboard/offers/${created.body.offer_id}`, { key: keys.admin.key });
    expect(got.status).toBe(200);
    for (const [field, value] of Object.entries(body)) expect(got.body[field], field).toEqual(value);
    expect(got.body).toMatchObject({ short_text: null, promo_codes: [] });
    expect(got.body).not.toHaveProperty("tenant_id");
  });

  it("echoes timestamps in the form they were sent (date-only, no milliseconds, offsets)", async () => {
    for (const [from, until] of [["2026-12-01", "2026-12-31"], ["2026-12-01T00:00:00Z", "2026-12-31T23:59:59Z"], ["2026-12-01T09:00:00+02:00", "2026-12-31T18:00:00-05:00"]]) {
      const res = await call("POST", "/dashboard/offers", { key: k().admin.key, body: { ...step3Body(merchantId), version_active_from: from, offer_expiry_date: until } });
      expect(res.status).toBe(201);
      const got = await call("GET", `/dashboard/offers/${res.body.offer_id}`, { key: k().admin.key });
      expect([got.body.version_active_from, got.body.offer_expiry_date]).toEqual([from, until]);
    }
  });

  it("refuses a marketer's active offer with 403 and creates nothing; omitting the status gives a draft", async () => {
    const before = await call("GET", "/dashboard/offers?limit=100", { key: keys.marketer.key });
    const res = await call("POST", "/dashboard/offers", { key: keys.marketer.key, body: step3Body(merchantId) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(res.body.error.message).toMatch(/admin/);
    const after = await call("GET", "/dashboard/offers?limit=100", { key: keys.marketer.key });
    expect(after.body.total_count).toBe(before.body.total_count);
    const { offer_status: _s, ...rest } = step3Body(merchantId);
    const draft = await call("POST", "/dashboard/offers", { key: keys.marketer.key, body: rest });
    expect(draft.status).toBe(201);
    expect(draft.body.offer_status).toBe("draft");
  });

  it("takes descriptive fields and returns them on the offer", async () => {
    const res = await call("POST", "/dashboard/offers", {
      key: keys.marketer.key,
      body: { offer_type: "percentage_discount", short_text: "20% off espresso", long_text: "All espresso drinks", terms_conditions: "One per visit", savings_amount: 20, savings_type: "percent" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ short_text: "20% off espresso", long_text: "All espresso drinks", terms_conditions: "One per visit", savings_amount: 20, savings_type: "percent" });
  });
});

describe("validation", () => {
  it.each([["PP"], [""]])("rejects code_type %j with 400 naming the field", async (code_type) => {
    const res = await call("POST", "/dashboard/offers", { key: keys.admin.key, body: { offer_type: "bogo", code_type } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain("code_type");
  });

  it("rejects unknown merchants, offer types and inverted dates", async () => {
    const res = await call("POST", "/dashboard/offers", {
      key: keys.admin.key,
      body: { offer_type: "mystery", merchant_owner: crypto.randomUUID(), version_active_from: "2026-12-31", offer_expiry_date: "2026-12-01" },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["offer_expiry_date"]));
    const refs = await call("POST", "/dashboard/offers", { key: keys.admin.key, body: { offer_type: "mystery", merchant_owner: crypto.randomUUID() } });
    expect(refs.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["merchant_owner", "offer_type"]);
  });

  it("answers a NUL byte in free text with 400 naming the field, never a 500 from the driver", async () => {
    const merchant = await call("POST", "/dashboard/merchants", { key: keys.admin.key, body: { merchant_name: "Harbor\u0000Coffee" } });
    expect(merchant.status).toBe(400);
    expect(merchant.body.error.details.fields.map((f: { field: string }) => f.field)).toContain("merchant_name");
    const offer = await call("POST", "/dashboard/offers", { key: keys.admin.key, body: { offer_type: "bogo", short_text: "2 for 1\u0000" } });
    expect(offer.status).toBe(400);
    expect(offer.body.error.details.fields.map((f: { field: string }) => f.field)).toContain("short_text");
  });

  it("answers malformed JSON with 400", async () => {
    const res = await call("POST", "/dashboard/offers", { key: keys.admin.key, rawBody: "{oops", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
  });
});

describe("lifecycle", () => {
  it("lets only an admin activate, by the activate operation or by PUT", async () => {
    const offer = await makeOffer(call, keys.marketer.key);
    expect(offer.offer_status).toBe("draft");
    expect((await call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: keys.marketer.key })).status).toBe(403);
    const put = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: keys.marketer.key, body: { offer_status: "active" } });
    expect(put.status).toBe(403);
    expect((await call("GET", `/dashboard/offers/${offer.offer_id}`, { key: keys.marketer.key })).body.offer_status).toBe("draft");
    const act = await call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: keys.admin.key });
    expect(act.status).toBe(200);
    expect(act.body.offer_status).toBe("active");
    const off = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: keys.admin.key, body: { offer_status: "inactive" } });
    expect(off.body.offer_status).toBe("inactive");
    const back = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: keys.admin.key, body: { offer_status: "draft" } });
    expect(back.status).toBe(409);
  });

  it("lets a marketer edit a draft's copy and dates but not a live offer's budget", async () => {
    const offer = await makeOffer(call, keys.marketer.key, { total_budget_cents: 5000 });
    const edit = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: keys.marketer.key, body: { short_text: "New title", offer_expiry_date: "2027-01-31", total_budget_cents: 9000 } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ short_text: "New title", offer_expiry_date: "2027-01-31", total_budget_cents: 9000 });
    await call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: keys.admin.key });
    const budget = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: keys.marketer.key, body: { total_budget_cents: 1_000_000 } });
    expect(budget.status).toBe(403);
  });

  it("reads an offer past its expiry as expired, with the injected clock", async () => {
    const offer = await makeOffer(call, keys.admin.key, { offer_status: "active", offer_expiry_date: "2026-11-30T00:00:00Z" });
    expect(offer.offer_status).toBe("active");
    const later = apiClient(t.database, { now: () => new Date("2026-12-01T00:00:00Z") });
    const got = await later("GET", `/dashboard/offers/${offer.offer_id}`, { key: keys.admin.key });
    expect(got.body.offer_status).toBe("expired");
    const list = await later("GET", `/dashboard/offers?offer_status=expired&limit=100`, { key: keys.admin.key });
    expect(list.body.offers.map((o: { offer_id: string }) => o.offer_id)).toContain(offer.offer_id);
    const act = await later("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: keys.admin.key });
    expect(act.status).toBe(422);
    expect(act.body.error.code).toBe("expired");
  });

  it("soft-deletes: later reads are 404, and a marketer cannot delete a live offer", async () => {
    const live = await makeOffer(call, keys.admin.key, { offer_status: "active" });
    expect((await call("DELETE", `/dashboard/offers/${live.offer_id}`, { key: keys.marketer.key })).status).toBe(403);
    expect((await call("DELETE", `/dashboard/offers/${live.offer_id}`, { key: keys.admin.key })).status).toBe(204);
    expect((await call("GET", `/dashboard/offers/${live.offer_id}`, { key: keys.admin.key })).status).toBe(404);
    expect((await call("PUT", `/dashboard/offers/${live.offer_id}`, { key: keys.admin.key, body: { short_text: "x" } })).status).toBe(404);
    expect((await call("DELETE", `/dashboard/offers/${live.offer_id}`, { key: keys.admin.key })).status).toBe(404);
  });
});

describe("duplicate, descriptives and preview", () => {
  it("duplicates into a new draft with copy in every language", async () => {
    const src = await makeOffer(call, keys.admin.key, { offer_status: "active", short_text: "Spring sale", external_reference: "X-1" });
    await call("POST", `/dashboard/offers/${src.offer_id}/descriptives`, { key: keys.admin.key, body: { language_code: "fr", short_text: "Soldes" } });
    const dup = await call("POST", `/dashboard/offers/${src.offer_id}/duplicate`, { key: keys.marketer.key });
    expect(dup.status).toBe(201);
    expect(dup.body.offer_id).not.toBe(src.offer_id);
    expect(dup.body).toMatchObject({ offer_status: "draft", short_text: "Spring sale", external_reference: null, promo_codes: [] });
    const langs = await call("GET", `/dashboard/offers/${dup.body.offer_id}/descriptives`, { key: keys.marketer.key });
    expect(langs.body.descriptives.map((d: { language_code: string }) => d.language_code)).toEqual(["en", "fr"]);
  });

  it("adds a language with POST (409 on repeat) and updates it with PUT naming language_code", async () => {
    const offer = await makeOffer(call, keys.marketer.key);
    const add = await call("POST", `/dashboard/offers/${offer.offer_id}/descriptives`, { key: keys.marketer.key, body: { language_code: "de", short_text: "Rabatt", terms_conditions: "AGB" } });
    expect(add.status).toBe(201);
    expect((await call("POST", `/dashboard/offers/${offer.offer_id}/descriptives`, { key: keys.marketer.key, body: { language_code: "de" } })).status).toBe(409);
    const put = await call("PUT", `/dashboard/offers/${offer.offer_id}/descriptives`, { key: keys.marketer.key, body: { language_code: "de", short_text: "Großer Rabatt" } });
    expect(put.body).toMatchObject({ language_code: "de", short_text: "Großer Rabatt", terms_conditions: "AGB" });
    expect((await call("PUT", `/dashboard/offers/${offer.offer_id}/descriptives`, { key: keys.marketer.key, body: { language_code: "es", short_text: "x" } })).status).toBe(404);
    const found = await call("GET", "/dashboard/offers?short_text=GROßER", { key: keys.marketer.key });
    expect(found.body.offers.map((o: { offer_id: string }) => o.offer_id)).toEqual([offer.offer_id]);
  });

  it("previews savings and validity as a shopper would read them", async () => {
    const offer = await makeOffer(call, keys.admin.key, {
      merchant_owner: merchantId, offer_value: 20, short_text: "Holiday espresso", terms_conditions: "In store only",
      version_active_from: "2026-12-01", offer_expiry_date: "2026-12-31",
    });
    const res = await call("GET", `/dashboard/offers/${offer.offer_id}/preview`, { key: keys.marketer.key });
    expect(res.body).toMatchObject({
      title: "Holiday espresso", savings_text: "20% off", terms: "In store only", validity_text: "Valid Dec 1 – Dec 31, 2026", merchant_name: "Harbor Coffee",
    });
  });
});
