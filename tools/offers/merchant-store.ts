import { asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/database";
import { merchantLocations as loc, merchants } from "@/db/schema";
import { loadOr404 } from "../crud";
import { iso } from "./common-schemas";
import type { LocationInput } from "./merchant-schemas";

// Merchant rows with their locations attached; shared by the dashboard and public merchant reads.

type MerchantRow = typeof merchants.$inferSelect;
type LocationRow = typeof loc.$inferSelect;

/** Locations of these merchants, grouped by merchant. */
export async function locationsOf(tx: Tx, merchantIds: string[]): Promise<Map<string, LocationRow[]>> {
  const out = new Map<string, LocationRow[]>();
  if (!merchantIds.length) return out;
  const rows = await tx.select().from(loc).where(inArray(loc.merchant_id, merchantIds)).orderBy(asc(loc.created_at), asc(loc.location_id));
  for (const r of rows) out.set(r.merchant_id, [...(out.get(r.merchant_id) ?? []), r]);
  return out;
}

/** Row → API shape with locations. */
export function toMerchantOutput(m: MerchantRow, locations: LocationRow[]) {
  const { tenant_id: _t, ...rest } = m;
  return {
    ...rest,
    locations: locations.map(({ tenant_id: _lt, merchant_id: _m, created_at: _c, ...l }) => l),
    created_at: iso(m.created_at)!,
    updated_at: iso(m.updated_at)!,
  };
}

/** Replaces a merchant's locations with the given list. */
export async function replaceLocations(tx: Tx, tenantId: string, merchantId: string, list: z.output<typeof LocationInput>[]) {
  await tx.delete(loc).where(eq(loc.merchant_id, merchantId));
  if (list.length) await tx.insert(loc).values(list.map((l) => ({ ...l, tenant_id: tenantId, merchant_id: merchantId })));
}

/** One merchant of the caller's tenant in API shape, or 404. */
export async function readMerchant(tx: Tx, merchantId: string) {
  const m = await loadOr404(tx, merchants, eq(merchants.merchant_id, merchantId), "Merchant");
  return toMerchantOutput(m, (await locationsOf(tx, [merchantId])).get(merchantId) ?? []);
}
