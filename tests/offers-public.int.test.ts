import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeMerchant, makeOffer } from "./offers-support";

let t: TestDatabase;
let call: Call;
let a: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let b: Awaited<ReturnType<typeof makeTenantWithKeys>>;
const ids: Record<string, string> = {};
const INTERNAL = ["tenant_id", "external_reference", "total_budget_cents", "created_by_key_id", "api_key_id", "issuer_type", "promo_codes", "budget_cents", "deleted_at"];

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database, { now: () => new Date("2026-11-21T12:00:00Z") });
  a = await makeTenantWithKeys(t.database);
  b = await makeTenantWithKeys(t.database);
  const merchant = await makeMerchant(call, a.admin.key, "Live Merchant");
  ids.quietMerchant = await makeMerchant(call, a.admin.key, "Quiet Merchant");
  ids.merchant = merchant;
  const base = { merchant_owner: merchant, external_reference: "SECRET-REF", total_budget_cents: 777_777, short_text: "Shown" };
  ids.active = (await makeOffer(call, a.admin.key, { ...base, offer_status: "active", offer_expiry_date: "2026-12-31", version_active_from: "2026-12-01" })).offer_id;
  ids.draft = (await makeOffer(call, a.marketer.key, { ...base, short_text: "Draft" })).offer_id;
  ids.inactive = (await makeOffer(call, a.admin.key, { ...base, offer_status: "inactive" })).offer_id;
  const yesterday = apiClient(t.database, { now: () => new Date("2026-11-20T12:00:00Z") });
  ids.expired = (await makeOffer(yesterday, a.admin.key, { ...base, offer_status: "active", offer_expiry_date: "2026-11-21T11:00:00Z", version_active_from: "2026-11-01" })).offer_id;
  ids.deleted = (await makeOffer(call, a.admin.key, { ...base, offer_status: "active" })).offer_id;
  await call("DELETE", `/dashboard/offers/${ids.deleted}`, { key: a.admin.key });
  ids.otherTenant = (await makeOffer(call, b.admin.key, { offer_status: "active", short_text: "Tenant B" })).offer_id;
});
afterAll(() => t?.cleanup());

describe("public read-only API", () => {
  it("shows anonymous callers only active, unexpired, undeleted offers of every tenant, without internal fields", async () => {
    const res = await call("GET", "/api/v1/offers");
    expect(res.status).toBe(200);
    expect(res.body.offers.map((o: { offer_id: string }) => o.offer_id).sort()).toEqual([ids.active, ids.otherTenant].sort());
    expect(res.body.total_count).toBe(2);
    const shown = res.body.offers.find((o: { offer_id: string }) => o.offer_id === ids.active);
    expect(shown).toMatchObject({ title: "Shown", merchant_name: "Live Merchant", savings_text: "10% off", validity_text: "Valid Dec 1 – Dec 31, 2026" });
    const text = JSON.stringify(res.body);
    for (const field of INTERNAL) expect(text).not.toContain(`"${field}"`);
    expect(text).not.toContain("SECRET-REF");
    expect(text).not.toContain(a.tenantId);
  });

  it("scopes a keyed caller to its own tenant", async () => {
    const res = await call("GET", "/api/v1/offers", { key: b.connector.key });
    expect(res.body.offers.map((o: { offer_id: string }) => o.offer_id)).toEqual([ids.otherTenant]);
  });

  it("lists merchants that have a public offer, with locations and no internal fields", async () => {
    const res = await call("GET", "/api/v1/merchants");
    expect(res.status).toBe(200);
    expect(res.body.merchants).toEqual([
      expect.objectContaining({ merchant_id: ids.merchant, merchant_name: "Live Merchant", active_offer_count: 1, locations: [expect.objectContaining({ city: "Seattle" })] }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain("tenant_id");
  });

  it("validates paging like every list: limit over 100 is 400", async () => {
    expect((await call("GET", "/api/v1/offers?limit=101")).status).toBe(400);
    expect((await call("GET", "/api/v1/offers?limit=1&offset=1")).body).toMatchObject({ limit: 1, offset: 1, total_count: 2 });
  });
});
