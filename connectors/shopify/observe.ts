import { type CoreClient, CoreError, GovernanceError, orderRedemptionKey } from "../kit";
import { heldFor } from "./checkouts";
import { decimalToCents, isFullRefund, redemptionsOf, refundCents, type ShopifyOrder } from "./mapping";
import { orderEntry, type StateStore } from "./state";

// Observe: Shopify's order webhooks become ledger entries. orders/create redeems each discount code
// with Idempotency-Key shopify:{shop}:{order_id}:{code}, so retries and duplicate subscriptions converge
// on one redemption; orders/cancelled and a full refund void it. A refusal of a discount Shopify already
// applied is a governance breach: kept, logged, and visible in the core's audit log as a refused redeem.

export type ObserveDeps = { core: CoreClient; store: StateStore; shop: string; now: () => Date; log?: (line: string) => void };

/** orders/create: redeem each code once (with its checkout's hold when one was made); a cancel that arrived first wins. */
export async function onOrderCreated(deps: ObserveDeps, order: ShopifyOrder & { checkout_token?: string | null }): Promise<void> {
  const orderId = String(order.id);
  const known = await deps.store.update((s) => {
    const o = orderEntry(s, orderId);
    o.created = true;
    o.subtotal_cents = decimalToCents(order.subtotal_price ?? order.total_price);
    o.total_cents = decimalToCents(order.total_price ?? order.subtotal_price);
    o.discount_cents = (order.discount_codes ?? []).reduce((sum, d) => sum + decimalToCents(d.amount), 0);
    if (order.cancelled_at) o.cancelled = true;
    return { cancelled: o.cancelled, redeemed: Object.keys(o.redemptions) };
  });
  if (known.cancelled) return;
  for (const r of redemptionsOf(order)) {
    if (known.redeemed.includes(r.code)) continue;
    const key = orderRedemptionKey({ platform: "shopify", shop: deps.shop, orderId, code: r.code });
    try {
      const { code: promo_code, ...fields } = r;
      const body = { promo_code, surface: "shopify", ...fields };
      const reservation_id = await heldFor(deps, order, r.code);
      const red = reservation_id
        ? await deps.core.redeem({ ...body, reservation_id }, { idempotencyKey: key }).catch((err: unknown) => {
          // An expired or mismatched hold: the order still redeems on its own, under the same key.
          const stale = err instanceof CoreError && (err.code === "reservation_invalid" || err.code === "idempotency_conflict");
          if (stale) return deps.core.redeem(body, { idempotencyKey: key });
          throw err;
        })
        : await deps.core.redeem(body, { idempotencyKey: key });
      await deps.store.update((s) => {
        const kept = { redemption_id: red.redemption_id, discount_cents: red.discount_cents, voided: false };
        orderEntry(s, orderId).redemptions[r.code] = kept;
      });
    } catch (err) {
      if (err instanceof GovernanceError) {
        deps.log?.(`governance breach: order ${orderId} used ${r.code} but the core refused it (${err.code}: ${err.message})`);
        await deps.store.update((s) => {
          if (s.breaches.some((b) => b.order_id === orderId && b.promo_code === r.code)) return;
          s.breaches.push({
            at: deps.now().toISOString(), order_id: orderId, promo_code: r.code, code: err.code, message: err.message,
            customer_id: r.customer_id,
          });
        });
      } else if (err instanceof CoreError && err.status === 404) {
        deps.log?.(`order ${orderId}: ${r.code} was not issued by the core; ignored`);
      } else {
        throw err;
      }
    }
  }
}

/** Voids every live redemption of the order; a redemption voided before (409) counts as done. */
async function voidOrder(deps: ObserveDeps, orderId: string, reason: string): Promise<void> {
  const s = await deps.store.read();
  for (const [code, red] of Object.entries(s.orders[orderId]?.redemptions ?? {})) {
    if (red.voided) continue;
    try {
      await deps.core.void(red.redemption_id, reason);
    } catch (err) {
      if (!(err instanceof CoreError && err.code === "already_voided")) throw err;
    }
    await deps.store.update((st) => {
      orderEntry(st, orderId).redemptions[code].voided = true;
    });
  }
}

/** orders/cancelled: remember the cancel (also before its create arrived) and void what was redeemed. */
export async function onOrderCancelled(deps: ObserveDeps, order: ShopifyOrder): Promise<void> {
  const orderId = String(order.id);
  await deps.store.update((s) => {
    orderEntry(s, orderId).cancelled = true;
  });
  await voidOrder(deps, orderId, `Shopify order ${orderId} cancelled`);
}

/** The parts of Shopify's refunds/create payload we read. */
export type ShopifyRefund = { order_id: number | string; transactions?: { amount?: string; kind?: string; status?: string }[] };

/** refunds/create: add up refunds; once the whole order is refunded, void its redemptions. */
export async function onRefundCreated(deps: ObserveDeps, refund: ShopifyRefund): Promise<void> {
  const orderId = String(refund.order_id);
  const full = await deps.store.update((s) => {
    const o = orderEntry(s, orderId);
    o.refunded_cents += refundCents(refund);
    return isFullRefund(o.total_cents, o.refunded_cents);
  });
  if (full) await voidOrder(deps, orderId, `Shopify order ${orderId} fully refunded`);
}
