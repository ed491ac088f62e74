import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeOffer } from "./offers-support";

let t: TestDatabase;
let call: Call;
let k: Awaited<ReturnType<typeof makeTenantWithKeys>>;
const count = async () => (await call("GET", "/dashboard/offers?limit=1", { key: k.admin.key })).body.total_count as number;

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database);
  k = await makeTenantWithKeys(t.database);
  const policy = await call("PUT", "/api/discount-policies/shopify", { key: k.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [] } });
  expect(policy.status).toBe(200);
  // Activation runs every governance check (CONTRACT §9): a tenant without a budget cannot put an offer live.
  expect((await call("PUT", "/api/budget", { key: k.admin.key, body: { cap_cents: 1_000_000, period: "month" } })).status).toBe(200);
});
afterAll(() => t?.cleanup());

describe("promo codes through the discount core", () => {
  const body = { offer_type: "percentage_discount", offer_value: 20, max_discount_unit: "%", offer_redemption_methods: ["promo_code"], promo_code: "winter20", surface: "shopify", total_usage_limit: 100, offer_expiry_date: "2027-01-31" };

  it("creates the governed code with the offer; a draft's code waits for activation", async () => {
    const res = await call("POST", "/dashboard/offers", { key: k.marketer.key, body });
    expect(res.status).toBe(201);
    expect(res.body.promo_codes).toEqual([expect.objectContaining({ promo_code: "WINTER20", surface: "shopify", status: "inactive" })]);
    const code = await call("GET", `/dashboard/promo-codes/${res.body.promo_codes[0].code_id}`, { key: k.admin.key });
    expect(code.body).toMatchObject({ offer_id: res.body.offer_id, discount_type: "percentage", value: 20, usage_limit: 100, issuer_type: "human", expires_at: "2027-01-31T23:59:59.999Z" });
    const act = await call("POST", `/dashboard/offers/${res.body.offer_id}/activate`, { key: k.admin.key });
    expect(act.body.promo_codes[0].status).toBe("active");
    await call("PUT", `/dashboard/offers/${res.body.offer_id}`, { key: k.admin.key, body: { offer_expiry_date: "2027-03-31T00:00:00Z" } });
    const moved = await call("GET", `/dashboard/promo-codes/${res.body.promo_codes[0].code_id}`, { key: k.admin.key });
    expect(moved.body.expires_at).toBe("2027-03-31T00:00:00.000Z");
    await call("DELETE", `/dashboard/offers/${res.body.offer_id}`, { key: k.admin.key });
    expect((await call("GET", `/dashboard/promo-codes/${res.body.promo_codes[0].code_id}`, { key: k.admin.key })).body.status).toBe("inactive");
  });

  it("rolls the offer back on a policy violation (422 policy_violation)", async () => {
    const before = await count();
    const res = await call("POST", "/dashboard/offers", { key: k.admin.key, body: { ...body, promo_code: "GREEDY40", offer_value: 40 } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("policy_violation");
    expect(await count()).toBe(before);
    const codes = await call("GET", "/dashboard/promo-codes?limit=100", { key: k.admin.key });
    expect(JSON.stringify(codes.body)).not.toContain("GREEDY40");
  });

  it("asks for a surface and a promo_code redemption method with a code", async () => {
    const res = await call("POST", "/dashboard/offers", { key: k.admin.key, body: { offer_type: "percentage_discount", offer_value: 10, promo_code: "NOSURF" } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["offer_redemption_methods", "surface"]);
  });
});

describe("bulk-create", () => {
  it("creates all offers in order", async () => {
    const res = await call("POST", "/dashboard/offers/bulk-create", { key: k.marketer.key, body: { offers: [1, 2, 3].map((i) => ({ offer_type: "bogo", short_text: `Bulk ${i}` })) } });
    expect(res.status).toBe(201);
    expect(res.body.created_count).toBe(3);
    expect(res.body.offers.map((o: { short_text: string }) => o.short_text)).toEqual(["Bulk 1", "Bulk 2", "Bulk 3"]);
  });

  it("creates nothing when one item is invalid and reports each failing index", async () => {
    const before = await count();
    const offers = [{ offer_type: "bogo" }, { offer_type: "bogo", code_type: "PP" }, { offer_type: "bogo" }, { offer_status: "active" }];
    const res = await call("POST", "/dashboard/offers/bulk-create", { key: k.admin.key, body: { offers } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.items.map((i: { index: number }) => i.index)).toEqual([1, 3]);
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(["offers.1.code_type", "offers.3.offer_type"]));
    expect(await count()).toBe(before);
  });

  it("rolls back items already inserted when a later one fails a business rule", async () => {
    const before = await count();
    const offers = [
      { offer_type: "bogo", short_text: "fine" },
      { offer_type: "bogo", merchant_owner: crypto.randomUUID() },
      { ...{ offer_type: "percentage_discount", offer_value: 90, offer_redemption_methods: ["promo_code"], promo_code: "TOOBIG", surface: "shopify" } },
      { offer_type: "bogo", offer_status: "active" },
    ];
    const res = await call("POST", "/dashboard/offers/bulk-create", { key: k.marketer.key, body: { offers } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.items).toEqual([
      expect.objectContaining({ index: 1, code: "invalid_input" }),
      expect.objectContaining({ index: 2, code: "policy_violation" }),
      expect.objectContaining({ index: 3, code: "forbidden" }),
    ]);
    expect(await count()).toBe(before);
  });

  it("refuses more than 500 items", async () => {
    const res = await call("POST", "/dashboard/offers/bulk-create", { key: k.admin.key, body: { offers: Array.from({ length: 501 }, () => ({ offer_type: "bogo" })) } });
    expect(res.status).toBe(400);
  });
});

describe("customer lists", () => {
  it("normalises and de-duplicates JSON customers and reports rejected rows", async () => {
    const offer = await makeOffer(call, k.marketer.key);
    const customers = ["Bob@Example.com", " bob@example.com ", "+1 (555) 123-4567", "user_42", "not-an-email@", "", 12, "12-34"];
    const res = await call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: k.marketer.key, body: { customers } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ total_rows: 8, accepted_count: 3, duplicate_count: 1, rejected_count: 4, accepted_by_kind: { email: 1, phone: 1, user_id: 1 } });
    expect(res.body.duplicates).toEqual([{ row: 2, duplicate_of: 1 }]);
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([5, 6, 7, 8]);
    expect(res.body.rejected[0].reason).toMatch(/email/);
  });

  it("parses CSV uploads (text/csv and multipart), numbering rows as the file does", async () => {
    const offer = await makeOffer(call, k.marketer.key);
    const csv = 'name,email\nAda,ada@example.com\nBad,"oops@"\n\nGrace,GRACE@example.com\nDup,ada@example.com\nNone,\n';
    const res = await call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: k.marketer.key, rawBody: csv, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ accepted_count: 2, rejected_count: 2, duplicate_count: 1 });
    expect(res.body.rejected).toEqual([
      { row: 3, value: "oops@", reason: "malformed email address" },
      { row: 7, value: "", reason: "empty value" },
    ]);
    const form = new FormData();
    form.append("file", new Blob(["+44 20 7946 0958\nuser-7\n"], { type: "text/csv" }), "list.csv");
    const multipart = new Request("http://x", { method: "POST", body: form });
    const res2 = await call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, {
      key: k.marketer.key, rawBody: await multipart.text(), headers: { "content-type": multipart.headers.get("content-type")! },
    });
    expect(res2.status).toBe(201);
    expect(res2.body).toMatchObject({ accepted_count: 2, accepted_by_kind: { phone: 1, user_id: 1 } });
  });

  it("refuses an upload with no usable row (an empty list would shut everyone out) and a malformed CSV", async () => {
    const offer = await makeOffer(call, k.marketer.key);
    const res = await call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: k.marketer.key, body: { customers: ["@", " "] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.rejected).toHaveLength(2);
    const bad = await call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: k.marketer.key, rawBody: 'a\n"unterminated', headers: { "content-type": "text/csv" } });
    expect(bad.status).toBe(400);
  });
});
