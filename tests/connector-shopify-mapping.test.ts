import { describe, expect, it } from "vitest";
import type { Code } from "@/connectors/kit";
import { kpiSnapshots, orderTotals } from "@/connectors/shopify/feed";
import { createMutationFor, customerOf, decimalToCents, isFullRefund, redemptionsOf, refundCents } from "@/connectors/shopify/mapping";
import type { ConnectorState } from "@/connectors/shopify/state";

// The Shopify connector's pure translations: core code → Admin GraphQL input, order payload → redemptions,
// refunds, and the KPI feed's arithmetic.

const now = new Date("2026-03-01T10:00:00Z");
const code = (over: Partial<Code>): Code => ({
  code_id: "c1", promo_code: "SAVE15", surface: "shopify", discount_type: "percentage", value: 15, offer_id: null, usage_limit: 100,
  per_customer_limit: 1, redemption_count: 0, minimum_order_cents: 5_000, issuer_type: "agent", provider: null, api_key_id: null,
  starts_at: "2026-03-01T00:00:00Z", expires_at: "2026-03-31T23:59:59Z", status: "active", created_at: "", updated_at: "", ...over,
}) as Code;

describe("core code → Shopify discount", () => {
  it("maps percentage to discountCodeBasicCreate with a 0–1 fraction, dates, limits and minimum", () => {
    const m = createMutationFor(code({}), { now });
    expect(m.mutation).toBe("discountCodeBasicCreate");
    expect(m.variables.basicCodeDiscount).toEqual({
      title: "SAVE15 (Offer Copilot)", code: "SAVE15", startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-03-31T23:59:59Z",
      usageLimit: 100, appliesOncePerCustomer: true, context: { all: "ALL" },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "50.00" } },
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
    });
  });

  it("maps fixed cents to a Decimal amount, starts an undated code now, and leaves multi-use customers to the core", () => {
    const m = createMutationFor(code({ discount_type: "fixed", value: 1250, starts_at: null, expires_at: null, per_customer_limit: 3, usage_limit: null, minimum_order_cents: null }), { now });
    const input = m.variables.basicCodeDiscount as Record<string, any>;
    expect(input.customerGets.value).toEqual({ discountAmount: { amount: "12.50", appliesOnEachItem: false } });
    expect(input).toMatchObject({ startsAt: now.toISOString(), endsAt: null, usageLimit: null, appliesOncePerCustomer: false });
    expect(input).not.toHaveProperty("minimumRequirement");
  });

  it("maps free shipping and BOGO to their own mutations", () => {
    const ship = createMutationFor(code({ discount_type: "free_shipping", value: 0 }), { now });
    expect(ship.mutation).toBe("discountCodeFreeShippingCreate");
    expect((ship.variables.freeShippingCodeDiscount as any).destination).toEqual({ all: true });
    const bogo = createMutationFor(code({ value: 25 }), { now, bogo: { productIds: ["gid://shopify/Product/1"] } });
    expect(bogo.mutation).toBe("discountCodeBxgyCreate");
    expect((bogo.variables.bxgyCodeDiscount as any).customerGets.value).toEqual({ discountOnQuantity: { quantity: "1", effect: { percentage: 0.5 } } });
  });
});

describe("Shopify orders → redemptions", () => {
  it("redeems each distinct code against the customer id, else the e-mail, with the subtotal in cents", () => {
    const order = { id: 820982911946154500, email: "Jon@Doe.ca", subtotal_price: "233.00", discount_codes: [{ code: "SAVE15" }, { code: "save15" }, { code: "TENOFF" }] };
    expect(redemptionsOf(order)).toEqual([
      { code: "SAVE15", customer_id: "jon@doe.ca", order_id: "820982911946154500", order_total_cents: 23_300 },
      { code: "TENOFF", customer_id: "jon@doe.ca", order_id: "820982911946154500", order_total_cents: 23_300 },
    ]);
    expect(customerOf({ id: 1, customer: { id: 207119551 } })).toBe("207119551");
    expect(redemptionsOf({ id: 2, discount_codes: null })).toEqual([]);
  });

  it("adds refund transactions and knows a full refund", () => {
    expect(decimalToCents("10.005")).toBe(1001);
    const cents = refundCents({ transactions: [{ amount: "100.00", kind: "refund" }, { amount: "5.00", kind: "refund", status: "failure" }, { amount: "1.00", kind: "sale" }] });
    expect(cents).toBe(10_000);
    expect(isFullRefund(10_000, cents)).toBe(true);
    expect(isFullRefund(10_001, cents)).toBe(false);
  });
});

describe("KPI feed", () => {
  const order = (subtotal: number, discount: number, extra: Partial<ConnectorState["orders"][string]> = {}) => ({
    subtotal_cents: subtotal, total_cents: subtotal, refunded_cents: 0, discount_cents: discount, cancelled: false, created: true, redemptions: {}, ...extra,
  });
  const state: ConnectorState = {
    codes: {}, breaches: [],
    orders: { a: order(10_000, 1_000), b: order(20_000, 0, { refunded_cents: 5_000 }), c: order(50_000, 0, { cancelled: true }), d: order(9_000, 0, { created: false }) },
  };

  it("counts created, uncancelled orders net of refunds", () => {
    expect(orderTotals(state)).toEqual({ revenue_cents: 25_000, discount_cents: 1_000, orders: 2 });
  });

  it("pushes profit only with known costs and mer only with a known spend", () => {
    expect(kpiSnapshots(state, { costRate: 0.4, marketingSpendCents: 10_000 })).toEqual([
      { kpi: "profit", value: 25_000 - 10_000 - 1_000 - 10_000 }, { kpi: "mer", value: 2.5 },
    ]);
    expect(kpiSnapshots(state, { costRate: null, marketingSpendCents: null })).toEqual([]);
  });
});
