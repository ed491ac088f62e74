import type { Code, CoreClient } from "../kit";
import { type AdminApi, ShopifyError } from "./admin-api";
import { createMutationFor } from "./mapping";
import type { StateStore } from "./state";

// Push: codes the core issued for the `shopify` surface become Shopify discounts; codes the core
// deactivated or that expired get discountCodeDeactivate. State per code makes it resumable: a code
// already pushed is never created twice, and a discount found in Shopify under the code is adopted.

/** What one sync pass did, for logs and tests. */
export type SyncReport = {
  created: string[];
  adopted: string[];
  deactivated: string[];
  errors: { promo_code: string; message: string }[];
};

/** Every code of the tenant on the shopify surface (all pages). */
export async function allShopifyCodes(core: CoreClient): Promise<Code[]> {
  const out: Code[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await core.listCodes({ surface: "shopify", limit: 100, offset });
    out.push(...(page.promo_codes as Code[]));
    if (page.promo_codes.length < 100 || out.length >= page.total_count) return out;
  }
}

/** Whether the code can be used now or later (active and not past its end). */
export function isLive(code: Code, now: Date): boolean {
  return code.status === "active" && !(code.expires_at && Date.parse(code.expires_at) <= now.getTime());
}

/** What a sync pass needs: the core, Shopify, the state and a clock. Shopify refusals are recorded, not thrown. */
export type SyncDeps = { core: CoreClient; shopify: AdminApi; store: StateStore; now: () => Date };

/** One pass (see above); resolves with what it did. */
export async function syncCodes(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { created: [], adopted: [], deactivated: [], errors: [] };
  const codes = await allShopifyCodes(deps.core);
  const state = await deps.store.read();
  const needsShopify = codes.some((c) => isLive(c, deps.now()) && state.codes[c.code_id]?.state !== "pushed");
  const existing = new Map<string, string>();
  if (needsShopify) for (const d of await deps.shopify.listDiscounts()) existing.set(d.code.toUpperCase(), d.id);
  for (const code of codes) {
    const sync = state.codes[code.code_id];
    const now = deps.now();
    try {
      if (isLive(code, now) && sync?.state !== "pushed" && sync?.state !== "deactivated") {
        const found = existing.get(code.promo_code.toUpperCase());
        const id = found ?? (await deps.shopify.createDiscount(createMutationFor(code, { now })));
        (found ? report.adopted : report.created).push(code.promo_code);
        await deps.store.update((s) => {
          const at = now.toISOString();
          s.codes[code.code_id] = { promo_code: code.promo_code, shopify_id: id, state: "pushed", error: null, updated_at: at };
        });
      } else if (!isLive(code, now) && sync?.state === "pushed" && sync.shopify_id) {
        await deps.shopify.deactivateDiscount(sync.shopify_id);
        report.deactivated.push(code.promo_code);
        await deps.store.update((s) => {
          s.codes[code.code_id] = { ...sync, state: "deactivated", error: null, updated_at: now.toISOString() };
        });
      }
    } catch (err) {
      if (!(err instanceof ShopifyError)) throw err;
      report.errors.push({ promo_code: code.promo_code, message: err.message });
      await deps.store.update((s) => {
        s.codes[code.code_id] = {
          promo_code: code.promo_code, shopify_id: sync?.shopify_id ?? null, state: sync?.state === "pushed" ? "pushed" : "error",
          error: err.message, updated_at: now.toISOString(),
        };
      });
    }
  }
  return report;
}
