import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeMerchant } from "./offers-support";

let t: TestDatabase;
let call: Call;
let k: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let m1: string;
let m2: string;
const ids = (body: { offers: { offer_id: string }[] }) => body.offers.map((o) => o.offer_id);

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database, { now: () => new Date("2026-11-21T12:00:00Z") });
  k = await makeTenantWithKeys(t.database);
  m1 = await makeMerchant(call, k.admin.key, "One");
  m2 = await makeMerchant(call, k.admin.key, "Two");
  // 25 offers: 15 of merchant one (5 active), 10 of merchant two; titles carry "Espresso" on every third.
  const offers = Array.from({ length: 25 }, (_, i) => ({
    offer_type: "bogo", merchant_owner: i < 15 ? m1 : m2, offer_status: i < 5 ? "active" : "draft",
    short_text: i % 3 === 0 ? `Espresso deal ${i}` : `Deal ${i}`, long_text: i === 1 ? "Free ESPRESSO shot" : null,
  }));
  const res = await call("POST", "/dashboard/offers/bulk-create", { key: k.admin.key, body: { offers } });
  expect(res.status).toBe(201);
  await call("POST", "/dashboard/offers", { key: k.admin.key, body: { offer_type: "bogo", short_text: "100%_literal" } });
});
afterAll(() => t?.cleanup());

describe("GET /dashboard/offers", () => {
  it("pages with limit/offset and a total_count independent of the page", async () => {
    const p1 = await call("GET", "/dashboard/offers?limit=10", { key: k.marketer.key });
    const p2 = await call("GET", "/dashboard/offers?limit=10&offset=10", { key: k.marketer.key });
    const p3 = await call("GET", "/dashboard/offers?limit=10&offset=20", { key: k.marketer.key });
    expect([p1.body.total_count, p2.body.total_count, p3.body.total_count]).toEqual([26, 26, 26]);
    expect([p1.body.offers.length, p2.body.offers.length, p3.body.offers.length]).toEqual([10, 10, 6]);
    expect(new Set([...ids(p1.body), ...ids(p2.body), ...ids(p3.body)]).size).toBe(26);
    expect(p2.body).toMatchObject({ limit: 10, offset: 10 });
    expect((await call("GET", "/dashboard/offers", { key: k.marketer.key })).body).toMatchObject({ limit: 20, offset: 0 });
  });

  it("filters by merchant_owner, offer_status and short_text (title or description, any case) with matching totals", async () => {
    const byMerchant = await call("GET", `/dashboard/offers?merchant_owner=${m2}&limit=100`, { key: k.marketer.key });
    expect(byMerchant.body.total_count).toBe(10);
    expect(byMerchant.body.offers.map((o: { merchant_owner: string }) => o.merchant_owner)).toEqual(Array(10).fill(m2));
    const active = await call("GET", `/dashboard/offers?merchant_owner=${m1}&offer_status=active&limit=2`, { key: k.marketer.key });
    expect(active.body.total_count).toBe(5);
    expect(active.body.offers).toHaveLength(2);
    const search = await call("GET", "/dashboard/offers?short_text=espresso&limit=100", { key: k.marketer.key });
    expect(search.body.total_count).toBe(10); // 9 titles (0,3,…,24) + 1 description
    const literal = await call("GET", `/dashboard/offers?short_text=${encodeURIComponent("0%_")}`, { key: k.marketer.key });
    expect(literal.body.offers.map((o: { short_text: string }) => o.short_text)).toEqual(["100%_literal"]);
  });

  it.each([["limit=101"], ["limit=0"], ["offset=-1"], ["limit=abc"], ["offer_status=live"], ["merchant_owner=not-a-uuid"]])("answers %s with 400", async (q) => {
    const res = await call("GET", `/dashboard/offers?${q}`, { key: k.marketer.key });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
  });

  it("is not for connectors, and needs a key", async () => {
    expect((await call("GET", "/dashboard/offers", { key: k.connector.key })).status).toBe(403);
    expect((await call("GET", "/dashboard/offers")).status).toBe(401);
  });
});
