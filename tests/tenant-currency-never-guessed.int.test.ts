import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastDraft } from "@/tools/copilot";
import type { Caller } from "@/tools/context";
import { createOfferCode } from "@/tools/offers/offer-codes";
import { loadCheckFacts } from "@/tools/offers/offer-facts";
import { CreateOfferInput } from "@/tools/offers/offer-schemas";
import { createTestDatabase, type TestDatabase } from "./support/db";

// Issue 16: a tenant's currency words every amount, so it is never guessed. A tenant row the transaction cannot
// see (here: a tenant id with no row) fails loudly everywhere the offer tools read the currency, instead of
// reading as USD (the same rule and the same loader as governance facts, loadTenantCurrency).

const NOW = new Date("2026-11-21T12:00:00Z");
const MISSING = /The tenant's currency was not found/;
let t: TestDatabase;
const ghost = randomUUID();
const caller: Caller = { tenantId: ghost, role: "admin", apiKeyId: null, provider: null, issuerType: "human" };

beforeAll(async () => { t = await createTestDatabase(); });
afterAll(() => t?.cleanup());

describe("a missing tenant row is never read as USD", () => {
  it("the facts evaluateOffer decides on", async () => {
    const facts = t.database.withTenant(ghost, (tx) => loadCheckFacts(tx, ghost, [], { from: "2026-12-01", to: "2026-12-31" }, NOW));
    await expect(facts).rejects.toThrow(MISSING);
  });

  it("an offer's promo code: the currency is read before its terms are mapped in it", async () => {
    // A code the discount core would refuse as written: without the currency read first, that refusal came first.
    const input = CreateOfferInput.parse({
      offer_type: "fixed_discount", offer_value: 5, max_discount_unit: "$", offer_redemption_methods: ["promo_code"],
      surface: "shopify", promo_code: "bad code!",
    });
    const ctx = { caller, db: t.database, now: () => NOW };
    await expect(t.database.withTenant(ghost, (tx) => createOfferCode(tx, ghost, randomUUID(), input, ctx))).rejects.toThrow(MISSING);
  });

  it("the draft's forecast", async () => {
    const draft = {
      offer_type: "percentage_discount", offer_value: 20, unit: "%" as const, start_date: "2026-12-01", end_date: "2026-12-31",
      total_budget: 5_000, total_usage_limit: null, minimum_spend: null, target_audience: [], surface: "shopify",
      program_type: "closed_loop", benchmark: { rate: 0.05, label: "online coupons, low end" },
    };
    // Called directly: the tool runner words any internal error as "Something went wrong on our side".
    await expect(forecastDraft.execute(draft, { caller, db: t.database, now: () => NOW })).rejects.toThrow(MISSING);
  });
});
