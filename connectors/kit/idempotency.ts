// Idempotency keys built from the platform's own ids, never from clocks or random numbers: whoever
// delivers the same order twice (a webhook retry, a second subscription, a replayed job) sends the
// same key, and the core answers with the first redemption instead of spending again.

/** The parts that name one discount use on one platform order. */
export type OrderCodeRef = { platform: string; shop: string; orderId: string | number; code: string };

/** `{platform}:{shop}:{order_id}:{code}`, e.g. shopify:demo.myshopify.com:820982911946154508:SAVE15. */
export function orderRedemptionKey(ref: OrderCodeRef): string {
  const parts = [ref.platform, ref.shop, String(ref.orderId), ref.code.trim()];
  for (const p of parts) if (!p) throw new Error("orderRedemptionKey needs platform, shop, order id and code");
  return parts.join(":");
}

/** A key for a checkout hold (reservation) from the platform's checkout/cart id and the code. */
export function checkoutReservationKey(ref: { platform: string; shop: string; checkoutId: string; code: string }): string {
  return orderRedemptionKey({ platform: ref.platform, shop: ref.shop, orderId: `checkout-${ref.checkoutId}`, code: ref.code });
}
