import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoreClient, createCoreClient, GovernanceError, checkoutReservationKey, orderRedemptionKey } from "@/connectors/kit";
import { createApiApp } from "@/server/api";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";
import { TEST_PLATFORM_KEY } from "./support/http";
import { type Served, serveFetch } from "./support/node-http";

// The connector kit against the real core over HTTP: issue, validate, reserve at the cart, redeem the
// reservation at the order, release an abandoned checkout, void; refusals arrive as typed GovernanceErrors.

const clock = testClock();
let t: TestDatabase;
let core: Served;
let g: GovernedTenant;
let kit: CoreClient;

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock);
  const app = createApiApp(async () => ({ db: t.database, now: () => clock.now, platformKey: TEST_PLATFORM_KEY }));
  core = await serveFetch(async (req) => app.fetch(req));
  kit = createCoreClient({ baseUrl: core.url, apiKey: g.connector.key });
});
afterAll(async () => {
  await core?.close();
  await t?.cleanup();
});

describe("connector kit against the core", () => {
  it("issues, reserves at checkout, redeems the hold once, releases an abandoned cart and voids", async () => {
    const code = await kit.issueCode({ surface: "shopify", discount_type: "percentage", value: 10, usage_limit: 2 });
    expect(code).toMatchObject({ issuer_type: "connector", provider: "shopify", usage_limit: 2 });
    const cart = { promo_code: code.promo_code, surface: "shopify", order_total_cents: 10_000, customer_id: "c1" };
    expect(await kit.validate(cart)).toEqual({ valid: true, discount_cents: 1_000, reasons: [] });

    const key = (checkoutId: string) => checkoutReservationKey({ platform: "shopify", shop: "s", checkoutId, code: code.promo_code });
    const held = await kit.reserve(cart, { idempotencyKey: key("ck1") });
    const abandoned = await kit.reserve({ ...cart, customer_id: "c2" }, { idempotencyKey: key("ck2") });
    const full = await kit.reserve({ ...cart, customer_id: "c3" }, { idempotencyKey: key("ck3") }).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(GovernanceError);
    expect(full).toMatchObject({ status: 422, code: "usage_limit" });

    const orderKey = orderRedemptionKey({ platform: "shopify", shop: "s", orderId: 1, code: code.promo_code });
    const red = await kit.redeem({ ...cart, order_id: "1", reservation_id: held.reservation_id }, { idempotencyKey: orderKey });
    expect(red.discount_cents).toBe(1_000);
    expect((await kit.redeem({ ...cart, order_id: "1", reservation_id: held.reservation_id }, { idempotencyKey: orderKey })).redemption_id).toBe(red.redemption_id);
    await expect(kit.redeem({ ...cart, reservation_id: held.reservation_id }, { idempotencyKey: "other" })).rejects.toMatchObject({ code: "reservation_invalid" });

    await kit.release(abandoned.reservation_id);
    expect((await kit.reserve({ ...cart, customer_id: "c3" }, { idempotencyKey: key("ck3") })).discount_cents).toBe(1_000);
    expect((await kit.void(red.redemption_id, "order cancelled")).kind).toBe("void");
    await expect(kit.void(red.redemption_id)).rejects.toMatchObject({ status: 409, code: "already_voided" });
    expectStatus(await g.call("GET", "/api/budget", { key: g.admin.key }), 200);
  });
});
