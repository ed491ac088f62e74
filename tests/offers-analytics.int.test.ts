import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discountRedemptions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenantWithKeys } from "./support/fixtures";
import { apiClient } from "./support/http";
import { type Call, makeOffer } from "./offers-support";

let t: TestDatabase;
let call: Call;
let k: Awaited<ReturnType<typeof makeTenantWithKeys>>;
let other: Awaited<ReturnType<typeof makeTenantWithKeys>>;

type Entry = { id?: string; offer: string; customer: string; order: number; discount: number; at: string; voids?: string };

/** Ledger rows written straight into the table, as the discount core would have. */
async function ledger(tenantId: string, entries: Entry[]) {
  await t.database.withTenant(tenantId, (tx) =>
    tx.insert(discountRedemptions).values(entries.map((e) => ({
      tenant_id: tenantId, redemption_id: e.id ?? randomUUID(), kind: e.voids ? ("void" as const) : ("redemption" as const),
      code_id: randomUUID(), promo_code: "FIXTURE", surface: "shopify", offer_id: e.offer, customer_id: e.customer,
      order_total_cents: e.order, discount_cents: e.voids ? -e.discount : e.discount, budget_period_start: "2026-11-01",
      voids_redemption_id: e.voids ?? null, created_at: new Date(e.at),
    }))));
}

beforeAll(async () => {
  t = await createTestDatabase();
  call = apiClient(t.database);
  k = await makeTenantWithKeys(t.database);
  other = await makeTenantWithKeys(t.database);
});
afterAll(() => t?.cleanup());

describe("offer analytics from the ledger", () => {
  it("counts redemptions, users, revenue and discount per day, dropping voided ones and their voids", async () => {
    const offer = (await makeOffer(call, k.admin.key)).offer_id;
    const elsewhere = (await makeOffer(call, k.admin.key)).offer_id;
    const r4 = randomUUID();
    const r5 = randomUUID();
    await ledger(k.tenantId, [
      { offer, customer: "a@x.co", order: 10_000, discount: 2_000, at: "2026-11-01T09:00:00Z" },
      { offer, customer: "b@x.co", order: 5_000, discount: 1_000, at: "2026-11-01T23:59:59Z" },
      { offer, customer: "a@x.co", order: 8_000, discount: 1_600, at: "2026-11-02T00:00:00Z" },
      { id: r4, offer, customer: "c@x.co", order: 3_000, discount: 600, at: "2026-11-02T10:00:00Z" },
      { offer, customer: "c@x.co", order: 3_000, discount: 600, at: "2026-11-03T10:00:00Z", voids: r4 },
      { id: r5, offer, customer: "d@x.co", order: 1_000, discount: 200, at: "2026-11-03T11:00:00Z" },
      { offer, customer: "d@x.co", order: 1_000, discount: 200, at: "2026-11-03T12:00:00Z", voids: r5 },
      { offer: elsewhere, customer: "z@x.co", order: 99_999, discount: 9_999, at: "2026-11-02T00:00:00Z" },
    ]);
    const res = await call("GET", `/dashboard/offers/${offer}/analytics`, { key: k.marketer.key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      offer_id: offer, currency: "USD", total_redemptions: 3, unique_users: 2, revenue_generated: 23_000, discount_cents: 4_600,
      conversion_rate: null, audience_size: null, voided_redemptions: 2,
      redemptions_by_day: [{ date: "2026-11-01", count: 2, discount_cents: 3_000 }, { date: "2026-11-02", count: 1, discount_cents: 1_600 }],
    });
    await call("POST", `/dashboard/offers/${offer}/customer-lists`, { key: k.marketer.key, body: { customers: ["a@x.co", "b@x.co", "c@x.co", "d@x.co"] } });
    const withList = await call("GET", `/dashboard/offers/${offer}/analytics`, { key: k.marketer.key });
    expect(withList.body).toMatchObject({ audience_size: 4, conversion_rate: 0.5 });
  });

  it("is all zeros for an offer with no ledger rows, and 404 for another tenant", async () => {
    const offer = (await makeOffer(call, k.admin.key)).offer_id;
    const res = await call("GET", `/dashboard/offers/${offer}/analytics`, { key: k.admin.key });
    expect(res.body).toMatchObject({ total_redemptions: 0, unique_users: 0, revenue_generated: 0, discount_cents: 0, redemptions_by_day: [] });
    expect((await call("GET", `/dashboard/offers/${offer}/analytics`, { key: other.admin.key })).status).toBe(404);
  });
});
