import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/tools/context";
import { redeemBatchInTx, redeemJob } from "@/tools/discounts/redeem-batch";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, T0, testClock } from "./support/governed-tenant";

// An offer's redemption controls (/dashboard/offers/redemption-controls) are enforced at redeem and
// reported by validate: offer-wide usage and per-customer limits (the stricter of code and control
// wins) and location restrictions — on the single-request path, in one batch and under concurrency.

let t: TestDatabase;
let g: GovernedTenant;
let locA: string;
let locB: string;
const clock = testClock();

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  const m = await g.call("POST", "/dashboard/merchants", { key: g.admin.key, body: { merchant_name: "Harbor", locations: [{ city: "Seattle" }, { city: "Portland" }] } });
  expectStatus(m, 201);
  [locA, locB] = m.body.locations.map((l: { location_id: string }) => l.location_id);
});
afterAll(() => t?.cleanup());

/** An active offer with a governed code (generous code limits) and one redemption control. */
async function controlledOffer(control: Record<string, unknown>, code: Record<string, unknown> = {}) {
  const promo = `CTL${randomUUID().slice(0, 8).toUpperCase()}`;
  const offer = await g.call("POST", "/dashboard/offers", {
    key: g.admin.key,
    body: { offer_type: "percentage_discount", offer_value: 10, offer_redemption_methods: ["promo_code"], surface: "shopify", offer_status: "active", promo_code: promo, total_usage_limit: 100, usage_limit_per_customer: 50, ...code },
  });
  expectStatus(offer, 201);
  expectStatus(await g.call("POST", "/dashboard/offers/redemption-controls", { key: g.admin.key, body: { offer_id: offer.body.offer_id, ...control } }), 201);
  return { promo, offerId: offer.body.offer_id as string };
}
const errorCode = (r: { status: number; body: any }) => (r.status === 201 ? "redeemed" : r.body.error.code);

describe("usage limits of the control", () => {
  it("a control limit stricter than the code's stops redemptions at the control's limit; validate says why", async () => {
    const { promo } = await controlledOffer({ usage_limit: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(errorCode(await g.redeem({ promo_code: promo })));
    expect(results).toEqual(["redeemed", "redeemed", "usage_limit", "usage_limit"]);
    const v = await g.validate({ promo_code: promo });
    expect(v.body).toMatchObject({ valid: false, reasons: [{ code: "usage_limit", message: expect.stringMatching(/2 times its redemption controls allow/) }] });
  });

  it("counts across all of the offer's codes", async () => {
    const { promo, offerId } = await controlledOffer({ usage_limit: 2 });
    const second = await g.createCode({ offer_id: offerId, usage_limit: 100 });
    expect(errorCode(await g.redeem({ promo_code: promo }))).toBe("redeemed");
    expect(errorCode(await g.redeem({ promo_code: second.promo_code }))).toBe("redeemed");
    expect(errorCode(await g.redeem({ promo_code: second.promo_code }))).toBe("usage_limit");
  });

  it("the code's limit still wins when it is the stricter one", async () => {
    const { promo } = await controlledOffer({ usage_limit: 10 }, { total_usage_limit: 1 });
    expect(errorCode(await g.redeem({ promo_code: promo }))).toBe("redeemed");
    const r = await g.redeem({ promo_code: promo });
    expect(r.body.error).toMatchObject({ code: "usage_limit", message: expect.stringMatching(/used 1 of 1 allowed/) });
  });

  it("applies the control's per-customer limit, and validate reports it for that customer", async () => {
    const { promo } = await controlledOffer({ per_customer_limit: 1 });
    expect(errorCode(await g.redeem({ promo_code: promo, customer_id: "ann" }))).toBe("redeemed");
    expect(errorCode(await g.redeem({ promo_code: promo, customer_id: " ann " }))).toBe("per_customer_limit");
    expect(errorCode(await g.redeem({ promo_code: promo, customer_id: "bob" }))).toBe("redeemed");
    expect((await g.validate({ promo_code: promo, customer_id: "ann" })).body.reasons.map((r: { code: string }) => r.code)).toEqual(["per_customer_limit"]);
  });

  it("stays exact inside one batch and under concurrent requests", async () => {
    const { promo } = await controlledOffer({ usage_limit: 3 });
    const caller: Caller = { tenantId: g.tenantId, role: "connector", apiKeyId: g.connector.api_key_id, provider: "shopify", issuerType: "connector" };
    const jobs = Array.from({ length: 5 }, () =>
      redeemJob({ promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: randomUUID(), idempotency_key: randomUUID() }, caller, T0));
    const batch = await t.database.withTenant(g.tenantId, (tx) => redeemBatchInTx(tx, g.tenantId, jobs));
    expect(batch.map((o) => (o.kind === "rejected" ? o.reasons[0].code : o.kind))).toEqual(["redeemed", "redeemed", "redeemed", "usage_limit", "usage_limit"]);
    const { promo: busy } = await controlledOffer({ usage_limit: 4 });
    const many = await Promise.all(Array.from({ length: 12 }, () => g.redeem({ promo_code: busy })));
    expect(many.filter((r) => r.status === 201)).toHaveLength(4);
    expect(many.filter((r) => r.status !== 201).map((r) => r.body.error.code)).toEqual(Array(8).fill("usage_limit"));
  });
});

describe("location restrictions", () => {
  it("redeems only at a listed location; a missing or other location is not_eligible", async () => {
    const { promo } = await controlledOffer({ location_restrictions: [locA] });
    const missing = await g.redeem({ promo_code: promo });
    expect(missing.body.error).toMatchObject({ code: "not_eligible", message: expect.stringMatching(/pass location_id/) });
    const elsewhere = await g.redeem({ promo_code: promo, location_id: locB });
    expect(elsewhere.body.error).toMatchObject({ code: "not_eligible", message: expect.stringContaining(locB) });
    expectStatus(await g.redeem({ promo_code: promo, location_id: locA }), 201);
  });

  it("validate reports the same reasons", async () => {
    const { promo } = await controlledOffer({ location_restrictions: [locA], usage_limit: 1 });
    expect((await g.validate({ promo_code: promo })).body).toMatchObject({ valid: false, reasons: [{ code: "not_eligible" }] });
    expect((await g.validate({ promo_code: promo, location_id: locA })).body).toMatchObject({ valid: true, reasons: [] });
    expectStatus(await g.redeem({ promo_code: promo, location_id: locA }), 201);
    const after = await g.validate({ promo_code: promo, location_id: locB });
    expect(after.body.reasons.map((r: { code: string }) => r.code)).toEqual(["not_eligible", "usage_limit"]);
  });

  it("an idempotent replay with the same location replays; another location is a conflict", async () => {
    const { promo } = await controlledOffer({ location_restrictions: [locA, locB] });
    const key = randomUUID();
    const body = { promo_code: promo, customer_id: "cy", location_id: locA };
    const first = await g.redeem(body, key);
    expectStatus(first, 201);
    expect((await g.redeem(body, key)).body.redemption_id).toBe(first.body.redemption_id);
    expect((await g.redeem({ ...body, location_id: locB }, key)).status).toBe(409);
  });
});
