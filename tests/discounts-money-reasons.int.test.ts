import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { governedTenant, testClock } from "./support/governed-tenant";
import { serveMcp } from "./support/offer-doors";

// Issue 16 (money and dates): a refused redemption explains itself in the tenant's money, formatted by Intl
// with the currency's own minor digits — through REST validate and redeem, code create/update and MCP's
// proposal check. No sentence says "cents" (the `_cents` field names stay: they are the contract).

let t: TestDatabase;
let mcp: Awaited<ReturnType<typeof serveMcp>>;
const clock = testClock();

beforeAll(async () => {
  t = await createTestDatabase();
  mcp = await serveMcp(t.database, clock);
});
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

const TENANTS = [
  { currency: "USD", min: "$50.00", order: "$40.00", short: "$10.00", discount: "$10.00", left: "$5.00", cap: "$15.00", max: "$20.00", asked: "$30.00" },
  { currency: "JPY", min: "¥5,000", order: "¥4,000", short: "¥1,000", discount: "¥1,000", left: "¥500", cap: "¥1,500", max: "¥2,000", asked: "¥3,000" },
  {
    currency: "KWD", min: "KWD\u00a05.000", order: "KWD\u00a04.000", short: "KWD\u00a01.000", discount: "KWD\u00a01.000", left: "KWD\u00a00.500",
    cap: "KWD\u00a01.500", max: "KWD\u00a02.000", asked: "KWD\u00a03.000",
  },
];
type Reason = { code: string; message: string };

describe("refusals speak the tenant's money (issue 16)", () => {
  for (const m of TENANTS) {
    it(`${m.currency}: validate and redeem word minimum_order and budget_exhausted as money`, async () => {
      const g = await governedTenant(t.database, clock, { currency: m.currency, capCents: 1_500 });
      const minimum = await g.createCode({ minimum_order_cents: 5_000 });
      const small = { promo_code: minimum.promo_code, order_total_cents: 4_000 };
      const want = `${minimum.promo_code} needs an order of at least ${m.min}; this one is ${m.order} (${m.short} short)`;
      const v = await g.validate(small);
      expect(v.status).toBe(200);
      expect(v.body.reasons).toEqual([{ code: "minimum_order", message: want }]);
      const r = await g.redeem(small);
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({ code: "minimum_order", message: want });

      const code = await g.createCode({ value: 10 });
      expect((await g.redeem({ promo_code: code.promo_code })).status).toBe(201);
      const over = `This discount is ${m.discount} but only ${m.left} of this month's budget (${m.cap}) is left`;
      expect((await g.validate({ promo_code: code.promo_code })).body.reasons).toEqual([{ code: "budget_exhausted", message: over }]);
      const refused = await g.redeem({ promo_code: code.promo_code });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "budget_exhausted", message: over });
      expect(JSON.stringify([v.body, r.body, refused.body])).not.toMatch(/\d cents/);
    });
  }

  it("code create and update, and MCP's proposal check, word fixed amounts and budgets as money", async () => {
    const m = TENANTS[1];
    const g = await governedTenant(t.database, clock, { currency: m.currency, capCents: 1_500, policy: { max_amount_cents: 2_000 } });
    const create = await g.call("POST", "/dashboard/promo-codes", { key: g.admin.key, body: { surface: "shopify", discount_type: "fixed", value: 3_000 } });
    expect(create.status).toBe(422);
    expect(create.body.error).toMatchObject({ code: "policy_violation", message: `shopify allows at most ${m.max} off — ${m.asked} is above it` });
    const code = await g.createCode({ discount_type: "fixed", value: 1_000 });
    const update = await g.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: g.admin.key, body: { value: 3_000 } });
    expect(update.status).toBe(422);
    expect(update.body.error.message).toBe(`shopify allows at most ${m.max} off — ${m.asked} is above it`);

    const client = await mcp.connect(g.admin.key);
    const checked = await client.callTool({
      name: "check_discount_proposal", arguments: { surface: "shopify", discount_type: "percentage", value: 10, total_budget_cents: 3_000 },
    });
    const reasons = (checked.structuredContent as { reasons: Reason[] }).reasons;
    expect(reasons).toEqual([{ code: "budget_exhausted", message: `A total budget of ${m.asked} is more than the ${m.cap} left in the tenant budget` }]);
    await client.close();
  });
});
