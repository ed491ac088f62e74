import type { Code } from "../kit";

// Pure translations between the core and Shopify: a core code → the Admin GraphQL mutation that creates
// it, and a Shopify REST order payload → the redemptions it asks for. No I/O, so every rule is unit-tested.

/** Which Shopify mutation creates a discount, with the name of its input argument. */
export type ShopifyCreate = {
  mutation: "discountCodeBasicCreate" | "discountCodeFreeShippingCreate" | "discountCodeBxgyCreate";
  variables: Record<string, unknown>;
};

/** The core's cents as Shopify's Decimal string ("12.50"). */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Shopify's money string ("233.00") as integer cents; anything unreadable is 0. */
export function decimalToCents(value: string | number | null | undefined): number {
  const n = typeof value === "number" ? value : Number.parseFloat(value ?? "");
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

/** Fields every code discount input shares: code, title, dates, limits, who may use it. */
function common(code: Code, now: Date): Record<string, unknown> {
  return {
    title: `${code.promo_code} (Offer Copilot)`,
    code: code.promo_code,
    // Shopify requires startsAt; a code without a start date starts when it is pushed.
    startsAt: code.starts_at ?? now.toISOString(),
    endsAt: code.expires_at ?? null,
    usageLimit: code.usage_limit ?? null,
    // Shopify can only say "once per customer"; a larger per-customer limit is enforced by the core alone.
    appliesOncePerCustomer: code.per_customer_limit === 1,
    context: { all: "ALL" },
    ...(code.minimum_order_cents
      ? { minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: centsToDecimal(code.minimum_order_cents) } } }
      : {}),
  };
}

/**
 * The create mutation for a core code: percentage/fixed → discountCodeBasicCreate (percentage as a
 * 0–1 fraction, fixed as a Decimal amount), free_shipping → discountCodeFreeShippingCreate, and a code
 * of a BOGO offer → discountCodeBxgyCreate (buy 1, get 1 at the offer's "second item" percent off).
 */
export function createMutationFor(code: Code, opts: { now: Date; bogo?: { productIds: string[] } | null }): ShopifyCreate {
  const base = common(code, opts.now);
  if (code.discount_type === "free_shipping") {
    return {
      mutation: "discountCodeFreeShippingCreate",
      variables: { freeShippingCodeDiscount: { ...base, destination: { all: true } } },
    };
  }
  if (opts.bogo && code.discount_type === "percentage") {
    // The core books BOGO as N/2 % of the qualifying pair; Shopify wants N % off the second item.
    const items = { products: { productsToAdd: opts.bogo.productIds } };
    const secondItem = { quantity: "1", effect: { percentage: Math.min(1, (code.value * 2) / 100) } };
    return {
      mutation: "discountCodeBxgyCreate",
      variables: {
        bxgyCodeDiscount: {
          ...base,
          customerBuys: { value: { quantity: "1" }, items },
          customerGets: { value: { discountOnQuantity: secondItem }, items },
          usesPerOrderLimit: 1,
        },
      },
    };
  }
  const value = code.discount_type === "percentage"
    ? { percentage: code.value / 100 }
    : { discountAmount: { amount: centsToDecimal(code.value), appliesOnEachItem: false } };
  return {
    mutation: "discountCodeBasicCreate",
    variables: { basicCodeDiscount: { ...base, customerGets: { value, items: { all: true } } } },
  };
}

/** The parts of Shopify's REST order payload (webhooks orders/create, orders/cancelled) we read. */
export type ShopifyOrder = {
  id: number | string;
  email?: string | null;
  customer?: { id?: number | string | null; email?: string | null } | null;
  subtotal_price?: string | null;
  total_price?: string | null;
  current_subtotal_price?: string | null;
  cancelled_at?: string | null;
  discount_codes?: { code: string; amount?: string; type?: string }[] | null;
};

/** Who the core should count the use against: the customer id, else the e-mail, else the order itself. */
export function customerOf(order: ShopifyOrder): string {
  const id = order.customer?.id;
  if (id !== undefined && id !== null && String(id)) return String(id);
  const email = order.customer?.email ?? order.email;
  return email ? email.toLowerCase() : `order-${order.id}`;
}

/** What one discount code on an order asks the core for (CONTRACT §10's fields). */
export type OrderRedemption = { code: string; customer_id: string; order_id: string; order_total_cents: number };

/** One redemption request per distinct discount code on the order. */
export function redemptionsOf(order: ShopifyOrder): OrderRedemption[] {
  const total = decimalToCents(order.subtotal_price ?? order.total_price);
  const seen = new Set<string>();
  const out = [];
  for (const d of order.discount_codes ?? []) {
    const code = d.code?.trim();
    if (!code || seen.has(code.toUpperCase())) continue;
    seen.add(code.toUpperCase());
    out.push({ code, customer_id: customerOf(order), order_id: String(order.id), order_total_cents: total });
  }
  return out;
}

/** Whether a refunds/create payload (plus what was refunded before) refunds the whole order. */
export function isFullRefund(orderTotalCents: number, refundedCents: number): boolean {
  return orderTotalCents > 0 && refundedCents >= orderTotalCents;
}

/** The cents a refunds/create payload gives back: its refund transactions. */
export function refundCents(refund: { transactions?: { amount?: string; kind?: string; status?: string }[] | null }): number {
  return (refund.transactions ?? [])
    .filter((t) => (t.kind ?? "refund") === "refund" && (t.status ?? "success") === "success")
    .reduce((sum, t) => sum + decimalToCents(t.amount), 0);
}
