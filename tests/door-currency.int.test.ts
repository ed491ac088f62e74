import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";
import { must, serveMcp } from "./support/offer-doors";

// Issue 10 door 10 (CONTRACT §6): a draft's currency must equal the tenant's, else the agent asks and
// saves nothing ("€50 off" in a USD tenant never becomes 5,000 US cents); `_cents` fields are the
// tenant currency's ISO 4217 minor units (a JPY tenant's ¥100,000 budget is 100000, not 10000000).
// Driven through the agent's public surface: MCP draft_offer and commit_offer_draft.

let t: TestDatabase;
let mcp: Awaited<ReturnType<typeof serveMcp>>;
const clock = { now: new Date("2026-11-21T12:00:00Z") };
const today = "2026-11-21";
const call = () => apiClient(t.database, { now: () => clock.now });

/** A tenant in `currency` with an admin key, a 5–25% shopify policy (no KPI floors) and a budget. */
async function tenantIn(currency: string) {
  const api = call();
  const tenant = must(await api("POST", "/api/tenants", { key: TEST_PLATFORM_KEY, body: { name: `T ${currency}`, currency } }), 201).body;
  const admin = must(await api("POST", `/api/tenants/${tenant.tenant_id}/api-keys`, { key: TEST_PLATFORM_KEY, body: { role: "admin" } }), 201).body;
  const policy = { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true };
  must(await api("PUT", "/api/discount-policies/shopify", { key: admin.key, body: policy }), 200);
  must(await api("PUT", "/api/budget", { key: admin.key, body: { cap_cents: 900_000_000, period: "month" } }), 200);
  return { key: admin.key as string, api, offers: async () => must(await api("GET", "/dashboard/offers?limit=100", { key: admin.key }), 200).body };
}

beforeAll(async () => {
  t = await createTestDatabase();
  mcp = await serveMcp(t.database, clock);
});
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

describe("door 10: currency", () => {
  it("a euro brief in a USD tenant is a question, and committing it saves nothing", async () => {
    const usd = await tenantIn("USD");
    const client = await mcp.connect(usd.key);
    const brief = `€50 off orders over €200 for everyone on shopify from ${today} to 2099-12-31, budget €5,000, code EURO50`;
    const planned = await client.callTool({ name: "draft_offer", arguments: { brief, today } });
    expect(planned.isError).toBeFalsy();
    const { draft, validation } = planned.structuredContent as { draft: Record<string, unknown>; validation: any };
    expect(draft.currency).toBe("EUR");
    expect(validation.ok).toBe(false);
    expect(validation.questions).toContainEqual({ field: "currency", question: expect.stringMatching(/EUR.*USD/) });
    const before = await usd.offers();
    const saved = await client.callTool({ name: "commit_offer_draft", arguments: { draft } });
    expect(saved.isError).toBe(true);
    expect(await usd.offers()).toEqual(before);
    expect(before.total_count).toBe(0);
    await client.close();
  });

  it("amounts become the tenant currency's minor units: ¥ has none, $ has two", async () => {
    const brief = `10% off for everyone on shopify from ${today} to 2099-12-31, budget $100,000, minimum spend $30, code CUR10`;
    for (const [currency, budget, minimum] of [["JPY", 100_000, 30], ["USD", 10_000_000, 3000]] as const) {
      const tenant = await tenantIn(currency);
      const client = await mcp.connect(tenant.key);
      const planned = await client.callTool({ name: "draft_offer", arguments: { brief, today } });
      const { draft } = planned.structuredContent as { draft: Record<string, unknown> };
      expect(draft).toMatchObject({ totalBudget: 100_000, minimumSpend: 30 });
      // The marketer's amounts are in the tenant's own currency.
      const saved = await client.callTool({ name: "commit_offer_draft", arguments: { draft: { ...draft, currency, promoCode: `CUR10${currency}` } } });
      expect(saved.isError).toBeFalsy();
      const offer = (await tenant.offers()).offers[0];
      expect(offer).toMatchObject({ total_budget_cents: budget, minimum_spend_cents: minimum });
      await client.close();
    }
  });

  it("a fixed offer's code holds the tenant currency's minor units: ¥500 off is a 500 code", async () => {
    for (const [currency, value] of [["JPY", 500], ["USD", 50_000], ["KWD", 500_000]] as const) {
      const tenant = await tenantIn(currency);
      const body = {
        offer_type: "fixed_discount", offer_value: 500, max_discount_unit: "$", minimum_spend_cents: 10_000_000, offer_status: "active",
        offer_redemption_methods: ["promo_code"], surface: "shopify", promo_code: `FIX500${currency}`,
      };
      const made = must(await tenant.api("POST", "/dashboard/offers", { key: tenant.key, body }), 201).body;
      const code = must(await tenant.api("GET", `/dashboard/promo-codes/${made.promo_codes[0].code_id}`, { key: tenant.key }), 200).body;
      expect(code).toMatchObject({ discount_type: "fixed", value });
    }
  });
});
