import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeemDiscountCode } from "@/tools/discounts/redeem-tools";
import { runTool } from "@/tools/registry";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { discountState } from "./support/discount-state";
import { toolCtx } from "./support/fixtures";
import { expectStatus, governedTenant, testClock } from "./support/governed-tenant";
import { issueApiKey } from "@/db/api-keys";

// Doors 11 and 4 of issue 10 (CONTRACT §6): on REST the Idempotency-Key header is required (a body field
// does not stand in for it), and a key is scoped to (tenant, API key): two connectors that both use
// order numbers never collide, and one never gets the other's redemption back.

let t: TestDatabase;
const clock = testClock();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

describe("Idempotency-Key on REST (door 11)", () => {
  it("refuses a redeem whose key is only in the body with 400 naming the header, and nothing moves", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const before = await discountState(t.database, g.tenantId);
    const body = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1", idempotency_key: "order-1" };
    const res = await g.call("POST", "/dashboard/promo-codes/redeem", { key: g.connector.key, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.details.fields).toContainEqual({ field: "Idempotency-Key", message: "required header is missing" });
    expect(await discountState(t.database, g.tenantId)).toEqual(before);
  });

  it("with the header the body field is ignored: the header's key decides replay", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const body = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1" };
    const first = await g.call("POST", "/dashboard/promo-codes/redeem", { key: g.connector.key, body: { ...body, idempotency_key: "body-a" }, headers: { "Idempotency-Key": "hdr-1" } });
    expectStatus(first, 201);
    const again = await g.call("POST", "/dashboard/promo-codes/redeem", { key: g.connector.key, body: { ...body, idempotency_key: "body-b" }, headers: { "Idempotency-Key": "hdr-1" } });
    expect(again.status).toBe(201);
    expect(again.body.redemption_id).toBe(first.body.redemption_id);
    expect((await discountState(t.database, g.tenantId)).ledger).toHaveLength(1);
  });

  it("MCP and in-process callers keep the idempotency_key argument", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const ctx = toolCtx(t.database, { tenantId: g.tenantId, role: "connector", provider: "shopify", apiKeyId: g.connector.api_key_id }, () => clock.now);
    const input = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1", idempotency_key: "mcp-1" };
    const a = await runTool(redeemDiscountCode, input, ctx);
    const b = await runTool(redeemDiscountCode, input, ctx);
    expect(b.redemption_id).toBe(a.redemption_id);
  });
});

describe("Idempotency scope is (tenant, API key) (door 4)", () => {
  it("the same key from another connector is a separate request: no 409, no leak of the other's redemption", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const other = await issueApiKey(t.database, { tenantId: g.tenantId, role: "connector", provider: "shopify" });
    const order = (customer: string, total: number) => ({ promo_code: code.promo_code, customer_id: customer, order_total_cents: total });
    const a = await g.redeem(order("alice", 10_000), "order-1001", g.connector.key);
    expectStatus(a, 201);
    // B sends A's exact body and key: it is B's own first request, so B gets a new redemption of its own.
    const b = await g.redeem(order("alice", 10_000), "order-1001", other.key);
    expectStatus(b, 201);
    expect(b.body.redemption_id).not.toBe(a.body.redemption_id);
    // B with a different body under the same string: still B's own key, replay of B's request rules.
    const bConflict = await g.redeem(order("bob", 20_000), "order-1001", other.key);
    expect(bConflict.status).toBe(409);
    expect(bConflict.body.error.code).toBe("idempotency_conflict");
    // Each replays its own.
    expect((await g.redeem(order("alice", 10_000), "order-1001", g.connector.key)).body.redemption_id).toBe(a.body.redemption_id);
    expect((await g.redeem(order("alice", 10_000), "order-1001", other.key)).body.redemption_id).toBe(b.body.redemption_id);
    const state = await discountState(t.database, g.tenantId);
    expect(state.ledger.map((r) => r.api_key_id).sort()).toEqual([g.connector.api_key_id, other.api_key_id].sort());
    expect(state.codes[0].redemption_count).toBe(2);
  });

  it("a 409 in one key's scope moves nothing", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    expectStatus(await g.redeem({ promo_code: code.promo_code, customer_id: "c1" }, "k-1"), 201);
    const before = await discountState(t.database, g.tenantId);
    const res = await g.redeem({ promo_code: code.promo_code, customer_id: "c2" }, "k-1");
    expect(res.status).toBe(409);
    const after = await discountState(t.database, g.tenantId);
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  it("callers without an API key (in-process tools) share one scope per tenant", async () => {
    const g = await governedTenant(t.database, clock);
    const code = await g.createCode({ value: 10 });
    const ctx = toolCtx(t.database, { tenantId: g.tenantId, role: "admin" }, () => clock.now);
    const input = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1", idempotency_key: "sys-1" };
    const a = await runTool(redeemDiscountCode, input, ctx);
    expect((await runTool(redeemDiscountCode, input, ctx)).redemption_id).toBe(a.redemption_id);
    // A keyed caller using the same string is another scope.
    const viaKey = await g.redeem({ promo_code: code.promo_code, customer_id: "c1" }, "sys-1");
    expectStatus(viaKey, 201);
    expect(viaKey.body.redemption_id).not.toBe(a.redemption_id);
  });
});
