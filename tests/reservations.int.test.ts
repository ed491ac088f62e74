import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// Checkout reservations (CONTRACT §8) through the REST handler: a hold takes one use and its cents
// until it is consumed by a redeem, released, or expires; validate, redeem and other reserves count it.

const clock = testClock();
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

/** POST /dashboard/promo-codes/reserve as the tenant's connector. */
const reserve = (g: GovernedTenant, body: Record<string, unknown>, key: string = randomUUID(), apiKey = g.connector.key) =>
  g.call("POST", "/dashboard/promo-codes/reserve", { key: apiKey, body: { surface: g.surface, order_total_cents: 10_000, ...body }, headers: { "Idempotency-Key": key } });
const release = (g: GovernedTenant, id: string) => g.call("DELETE", `/dashboard/reservations/${id}`, { key: g.connector.key });

describe("checkout reservations", () => {
  it("holds the last use of a limited code for its customer; others are refused until it is consumed", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10, usage_limit: 1 });
    const held = await reserve(g, { promo_code: code.promo_code, customer_id: "alice" }, "k-alice");
    expectStatus(held, 201);
    expect(held.body).toEqual({ reservation_id: expect.any(String), discount_cents: 1_000, expires_at: new Date(clock.now.getTime() + 900_000).toISOString() });
    expect((await reserve(g, { promo_code: code.promo_code, customer_id: "alice" }, "k-alice")).body).toEqual(held.body);
    expect((await reserve(g, { promo_code: code.promo_code, customer_id: "alice", order_total_cents: 5 }, "k-alice")).body.error.code).toBe("idempotency_conflict");

    expect((await g.validate({ promo_code: code.promo_code, customer_id: "bob" })).body).toMatchObject({ valid: false, reasons: [expect.objectContaining({ code: "usage_limit" })] });
    expect((await g.redeem({ promo_code: code.promo_code, customer_id: "bob" })).body.error.code).toBe("usage_limit");
    expect((await reserve(g, { promo_code: code.promo_code, customer_id: "bob" })).body.error.code).toBe("usage_limit");

    const wrongCustomer = await g.redeem({ promo_code: code.promo_code, customer_id: "bob", reservation_id: held.body.reservation_id });
    expect(wrongCustomer.status).toBe(422);
    expect(wrongCustomer.body.error.code).toBe("reservation_invalid");
    const used = await g.redeem({ promo_code: code.promo_code, customer_id: "alice", reservation_id: held.body.reservation_id });
    expectStatus(used, 201);
    expect(used.body.discount_cents).toBe(1_000);
    const again = await g.redeem({ promo_code: code.promo_code, customer_id: "alice", reservation_id: held.body.reservation_id });
    expect(again.body.error.code).toBe("reservation_invalid");
    expect((await release(g, held.body.reservation_id)).status).toBe(409);
    expect((await g.call("GET", `/dashboard/promo-codes/${code.code_id}`, { key: g.admin.key })).body.redemption_count).toBe(1);
  });

  it("release and expiry give the use back; an expired reservation cannot be redeemed", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10, usage_limit: 1 });
    const first = await reserve(g, { promo_code: code.promo_code, customer_id: "alice" });
    expectStatus(await release(g, first.body.reservation_id), 204);
    expect((await release(g, first.body.reservation_id)).status).toBe(204);
    expect((await g.call("DELETE", `/dashboard/reservations/${randomUUID()}`, { key: g.connector.key })).status).toBe(404);

    // The tenant's default hold (settings.reservation_ttl_seconds) applies when the caller names no ttl.
    await t.database.withOwner((tx) => tx.execute(sql`update tenants set settings = settings || '{"reservation_ttl_seconds": 120}'::jsonb
      where tenant_id = ${g.tenantId}`));
    const tenantTtl = await reserve(g, { promo_code: code.promo_code, customer_id: "dora" });
    expect(tenantTtl.body.expires_at).toBe(new Date(clock.now.getTime() + 120_000).toISOString());
    expectStatus(await release(g, tenantTtl.body.reservation_id), 204);
    const short = await reserve(g, { promo_code: code.promo_code, customer_id: "bob", ttl_seconds: 60 });
    expectStatus(short, 201);
    expect((await g.validate({ promo_code: code.promo_code, customer_id: "carol" })).body.valid).toBe(false);
    clock.advance(61);
    expect((await g.validate({ promo_code: code.promo_code, customer_id: "carol" })).body.valid).toBe(true);
    const late = await g.redeem({ promo_code: code.promo_code, customer_id: "bob", reservation_id: short.body.reservation_id });
    expect(late.body.error.code).toBe("reservation_invalid");
    expectStatus(await g.redeem({ promo_code: code.promo_code, customer_id: "carol" }), 201);
  });

  it("holds count against budget headroom, and a connector outside its surfaces is refused", async () => {
    const g = await governedTenant(t.database, clock, { capCents: 2_500 });
    const code = await g.createCode({ value: 10 });
    expectStatus(await reserve(g, { promo_code: code.promo_code, customer_id: "a" }), 201);
    expectStatus(await reserve(g, { promo_code: code.promo_code, customer_id: "b" }), 201);
    expect((await reserve(g, { promo_code: code.promo_code, customer_id: "c" })).body.error.code).toBe("budget_exhausted");
    expect((await g.redeem({ promo_code: code.promo_code, customer_id: "c" })).body.error.code).toBe("budget_exhausted");
    expect(await g.budget()).toMatchObject({ cap_cents: 2_500, spent_cents: 0, headroom_cents: 500 });
    expect((await g.validate({ promo_code: code.promo_code, customer_id: "c" })).body.reasons).toEqual([expect.objectContaining({ code: "budget_exhausted" })]);
    const other = await g.call("POST", "/dashboard/promo-codes/reserve", {
      key: g.connector.key, body: { promo_code: code.promo_code, surface: "wix", order_total_cents: 10_000, customer_id: "a" }, headers: { "Idempotency-Key": randomUUID() },
    });
    expect(other.status).toBe(403);
    expect((await g.call("POST", "/dashboard/promo-codes/reserve", { key: g.marketer.key, body: {}, headers: { "Idempotency-Key": "x" } })).status).toBe(403);
  });
});
