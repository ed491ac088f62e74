import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { offlineModel } from "@/agent/model";
import { createPlanner } from "@/agent/plan";
import { backtestForecast } from "@/core/offers/forecast";
import { forecastDraft, getCopilotFacts, toolRunner } from "@/tools/copilot";
import { loadHistory } from "@/tools/copilot/forecast-tool";
import { createDemoDatabase, type DemoDatabase } from "./support/demo";

// Issue 15: the demo tenant's seeded year of past offers lives in past budget periods only (today's spend and
// headroom are untouched), and the forecast tool reads it as history through the analytics query.

const NOW = new Date("2026-11-21T12:00:00Z");
let demo: DemoDatabase;

beforeAll(async () => { demo = await createDemoDatabase(NOW); });
afterAll(() => demo.t.cleanup());

const draft = {
  offer_type: "percentage_discount", offer_value: 20, unit: "%" as const, start_date: "2026-12-01", end_date: "2026-12-31",
  total_budget: 5_000, total_usage_limit: null, minimum_spend: null, target_audience: ["dealers"], surface: "shopify",
  program_type: "closed_loop", benchmark: { rate: 0.05, label: "online coupons, low end" },
};

describe("demo history", () => {
  it("seeds a year of ended offers with ledger rows, all before the current quarter", async () => {
    const [row] = await demo.t.database.withTenant(demo.creds.tenant_id, async (tx) => {
      const r = await tx.execute(sql`select count(*)::int as n, max(created_at) as last,
        (select count(*)::int from offers where offer_status = 'expired') as offers from discount_redemptions`);
      return (r as unknown as { rows?: { n: number; last: string; offers: number }[] }).rows ?? (r as unknown as { n: number; last: string; offers: number }[]);
    });
    expect(row.offers).toBe(36);
    expect(row.n).toBeGreaterThan(1000);
    expect(row.n).toBeLessThan(6000);
    expect(new Date(row.last).getTime()).toBeLessThan(Date.parse("2026-10-01T00:00:00Z"));
  });

  it("leaves today's budget window unspent", async () => {
    const facts = await toolRunner(demo.t.database, () => NOW)(getCopilotFacts, {}, demo.admin);
    expect(facts.tenant_budget).toMatchObject({ cap_cents: 25_000_000, spent_cents: 0 });
  });
});

describe("forecast_draft", () => {
  it("forecasts from the most similar past offers, with a burn curve and band", async () => {
    const f = await toolRunner(demo.t.database, () => NOW)(forecastDraft, draft, demo.marketer);
    expect(f.method).toBe("history");
    expect(f.history_offers).toBe(36);
    expect(f.basis.length).toBeGreaterThan(0);
    expect(f.curve).toHaveLength(31);
    expect(f.expected_redemptions).toBeGreaterThan(0);
    expect(f.low_redemptions).toBeLessThanOrEqual(f.high_redemptions);
    expect(f.discount_spend_cents).toBeLessThanOrEqual(500_000);
    expect(f.note).toMatch(/similar past offer/);
  });
});

describe("the planner returns the forecast (npm run draft, MCP draft_offer)", () => {
  it("forecasts a complete brief from history, and none while type, value or dates are open", async () => {
    const plan = createPlanner({ tools: toolRunner(demo.t.database, () => NOW), model: offlineModel(), now: () => NOW });
    const caller = { ...demo.marketer, issuerType: "agent" as const };
    const out = await plan({ brief: "20% off for dealers on shopify, Dec 1 to Dec 31, budget $5,000", today: "2026-11-21", caller });
    expect(out.forecast).toMatchObject({ method: "history", history_offers: 36 });
    expect(out.forecast!.curve.at(-1)!.date).toBe("2026-12-31");
    const open = await plan({ brief: "something for our dealers", today: "2026-11-21", caller });
    expect(open.forecast).toBeNull();
  });
});

describe("back-test through the ledger", () => {
  it("forecasts each seeded past offer from the others as the tool reads them, and reports the error", async () => {
    const { history } = await demo.t.database.withTenant(demo.creds.tenant_id, (tx) =>
      loadHistory(tx, demo.creds.tenant_id, "2026-11-21"));
    const { mape, offers } = backtestForecast(history, { ...draft.benchmark, reach: 400, typicalOrderCents: 0 });
    console.log(`forecast back-test (ledger): MAPE of total redemptions ${(mape * 100).toFixed(1)}% over ${offers} offers`);
    expect(offers).toBeGreaterThan(0);
    expect(Number.isFinite(mape)).toBe(true);
  });
});
