import type { Database } from "@/db/database";
import { apiClient } from "./support/http";

// Shared helpers for the offers tests: a client per clock and the Step 3 body of the data-flow document.

export type Call = ReturnType<typeof apiClient>;

/** The document's Step 3 example, with a real merchant id filled in. */
export function step3Body(merchantId: string) {
  return {
    version_active_from: "2026-12-01T00:00:00.000Z",
    merchant_owner: merchantId,
    default_language: "en",
    external_reference: "EXT-2026-0042",
    offer_expiry_date: "2026-12-31T23:59:59.000Z",
    offer_status: "active",
    offer_type: "percentage_discount",
    offer_redemption_methods: ["promo_code"],
    code_type: "P",
    clickthru_url: null,
    classification: "closed_loop",
  };
}

/** A merchant in the key's tenant; returns its id. */
export async function makeMerchant(call: Call, key: string, name = "Harbor Coffee"): Promise<string> {
  const res = await call("POST", "/dashboard/merchants", { key, body: { merchant_name: name, locations: [{ city: "Seattle", state: "WA" }] } });
  if (res.status !== 201) throw new Error(`merchant: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.merchant_id;
}

/** A minimal draft offer; returns the created body. */
export async function makeOffer(call: Call, key: string, extra: Record<string, unknown> = {}) {
  const res = await call("POST", "/dashboard/offers", { key, body: { offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%", ...extra } });
  if (res.status !== 201) throw new Error(`offer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Fixed clock helper for expiry tests. */
export const clockAt = (iso: string) => () => new Date(iso);

export type { Database };
