// The fake shop's state: discounts as Shopify stores them, orders placed with codes, and the usage
// counter Shopify updates asynchronously (asyncUsageCount lags until `settleUsage()`).

/** A code discount in the fake shop. */
export type FakeDiscount = {
  id: string;
  typename: "DiscountCodeBasic" | "DiscountCodeFreeShipping" | "DiscountCodeBxgy";
  code: string;
  status: "ACTIVE" | "EXPIRED" | "SCHEDULED";
  /** The input the connector sent, as received (tests assert the mapping on it). */
  input: Record<string, any>;
  /** What asyncUsageCount reports (lags behind `usage`). */
  reportedUsage: number;
  /** The true number of live orders that used the code. */
  usage: number;
  extraCodes: string[];
};

/** An order the fake placed, in Shopify's REST webhook shape. */
export type FakeOrder = Record<string, any> & { id: number; discount_codes: { code: string; amount: string; type: string }[] };

export type FakeShop = {
  discounts: FakeDiscount[];
  orders: Map<number, FakeOrder>;
  /** The next N Admin API calls answer 429 (throttled). */
  throttleNext: number;
  /** userErrors the next create mutation answers with (HTTP 200), then cleared. */
  rejectNextCreate: { field: string[]; code: string; message: string }[] | null;
  bulk: Map<string, { discountId: string; codes: string[]; polls: number }>;
  nextId: number;
};

/** An empty shop. */
export function newShop(): FakeShop {
  return { discounts: [], orders: new Map(), throttleNext: 0, rejectNextCreate: null, bulk: new Map(), nextId: 1_000 };
}

/** The discount a code belongs to (case-insensitive, as Shopify matches codes). */
export function discountByCode(shop: FakeShop, code: string): FakeDiscount | undefined {
  const c = code.toUpperCase();
  return shop.discounts.find((d) => d.code.toUpperCase() === c || d.extraCodes.some((x) => x.toUpperCase() === c));
}

/** Places an order like checkout would: Shopify counts the code's use (asynchronously). */
export function placeOrder(shop: FakeShop, o: { id: number; code?: string; subtotalCents: number; discountCents?: number; customerId?: number; email?: string }): FakeOrder {
  const money = (c: number) => (c / 100).toFixed(2);
  const discount = o.discountCents ?? 0;
  const order: FakeOrder = {
    id: o.id, admin_graphql_api_id: `gid://shopify/Order/${o.id}`, name: `#${1000 + (o.id % 1000)}`, email: o.email ?? `buyer${o.id}@example.com`,
    created_at: new Date().toISOString(), cancelled_at: null, cancel_reason: null, currency: "USD", financial_status: "paid",
    subtotal_price: money(o.subtotalCents - discount), total_line_items_price: money(o.subtotalCents),
    total_discounts: money(discount), total_price: money(o.subtotalCents - discount), total_tax: "0.00",
    customer: o.customerId ? { id: o.customerId, email: o.email ?? `buyer${o.id}@example.com` } : null,
    discount_codes: o.code ? [{ code: o.code, amount: money(discount), type: "percentage" }] : [],
    line_items: [{ id: o.id * 10, title: "Widget", quantity: 1, price: money(o.subtotalCents) }],
  };
  shop.orders.set(o.id, order);
  const d = o.code ? discountByCode(shop, o.code) : undefined;
  if (d) d.usage += 1;
  return order;
}

/** Cancels an order; the fake gives the code's use back (documented model of the fake). */
export function cancelOrder(shop: FakeShop, id: number): FakeOrder {
  const order = shop.orders.get(id);
  if (!order) throw new Error(`no order ${id}`);
  order.cancelled_at = new Date().toISOString();
  order.cancel_reason = "customer";
  order.financial_status = "voided";
  for (const dc of order.discount_codes) {
    const d = discountByCode(shop, dc.code);
    if (d) d.usage -= 1;
  }
  return order;
}

/** A refunds/create payload refunding `cents` of the order. */
export function refundOf(order: FakeOrder, cents: number): Record<string, unknown> {
  return {
    id: order.id * 7, order_id: order.id, created_at: new Date().toISOString(), note: null, refund_line_items: [],
    transactions: [{ id: order.id * 11, order_id: order.id, kind: "refund", status: "success", amount: (cents / 100).toFixed(2), currency: "USD" }],
  };
}

/** Shopify's asynchronous usage counter catches up. */
export function settleUsage(shop: FakeShop): void {
  for (const d of shop.discounts) d.reportedUsage = d.usage;
}
