import { checkoutReservationKey, CoreError, GovernanceError } from "../kit";
import { redemptionsOf, type ShopifyOrder } from "./mapping";
import type { ObserveDeps } from "./observe";

// Checkouts the connector can see (Shopify's checkouts/create and checkouts/update webhooks): each
// discount code on the checkout is reserved in the core (CONTRACT §8), so a limited code or a nearly
// spent budget is not promised to more carts than it can pay for. orders/create then redeems with the
// checkout's reservation; an expired or mismatched hold falls back to a plain redeem.

/** The parts of Shopify's checkout payload we read: its token ties it to the order (order.checkout_token). */
export type ShopifyCheckout = ShopifyOrder & { token: string };

/** checkouts/create|update: hold each code on the cart once (the key is the checkout token and the code). */
export async function onCheckout(deps: ObserveDeps, checkout: ShopifyCheckout): Promise<void> {
  const held = (await deps.store.read()).checkouts?.[checkout.token] ?? {};
  for (const r of redemptionsOf(checkout)) {
    if (held[r.code]) continue;
    const key = checkoutReservationKey({ platform: "shopify", shop: deps.shop, checkoutId: checkout.token, code: r.code });
    try {
      const body = { promo_code: r.code, surface: "shopify", order_total_cents: r.order_total_cents, customer_id: r.customer_id };
      const hold = await deps.core.reserve(body, { idempotencyKey: key });
      await deps.store.update((s) => {
        ((s.checkouts ??= {})[checkout.token] ??= {})[r.code] = hold.reservation_id;
      });
    } catch (err) {
      // A cart the core will not hold for is not an error of the delivery: the order's redeem decides.
      if (err instanceof GovernanceError || (err instanceof CoreError && err.status === 404)) {
        deps.log?.(`checkout ${checkout.token}: no hold for ${r.code} (${err.code})`);
      } else {
        throw err;
      }
    }
  }
}

/** The reservation held for this order's checkout and code, if any. */
export async function heldFor(deps: ObserveDeps, order: ShopifyOrder & { checkout_token?: string | null }, code: string) {
  const token = order.checkout_token;
  return token ? ((await deps.store.read()).checkouts?.[token]?.[code] ?? null) : null;
}
