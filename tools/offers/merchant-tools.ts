import { and, asc, count, eq, ilike, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conflict, notFound } from "@/core/errors";
import { merchants, offers } from "@/db/schema";
import { tenantTx } from "../context";
import { paginate } from "../crud";
import { defineTool } from "../registry";
import { likePattern } from "./common-schemas";
import {
  CreateMerchantInput, ListMerchantsInput, MerchantIdInput, MerchantListOutput, MerchantOutput, UpdateMerchantInput,
} from "./merchant-schemas";
import { locationsOf, readMerchant, replaceLocations, toMerchantOutput } from "./merchant-store";

// CRUD of merchants with their locations (/dashboard/merchants).

export const listMerchants = defineTool({
  name: "list_merchants",
  description: "List the tenant's merchants with their locations.",
  input: ListMerchantsInput,
  output: MerchantListOutput,
  permission: "catalog.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const conds: SQL[] = [];
      if (input.status) conds.push(eq(merchants.status, input.status));
      if (input.merchant_name) conds.push(ilike(merchants.merchant_name, likePattern(input.merchant_name)));
      const orderBy = [asc(merchants.merchant_name), asc(merchants.merchant_id)];
      const page = await paginate(tx, { table: merchants, where: and(...conds), orderBy, page: input, key: "merchants", map: (m) => m });
      const locs = await locationsOf(tx, page.merchants.map((r) => r.merchant_id));
      return { ...page, merchants: page.merchants.map((m) => toMerchantOutput(m, locs.get(m.merchant_id) ?? [])) };
    }),
});

export const createMerchant = defineTool({
  name: "create_merchant",
  description: "Create a merchant with its locations.",
  input: CreateMerchantInput,
  output: MerchantOutput,
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const { locations, ...fields } = input;
      const [m] = await tx.insert(merchants).values({ tenant_id: tenantId, ...fields }).returning();
      await replaceLocations(tx, tenantId, m.merchant_id, locations ?? []);
      return readMerchant(tx, m.merchant_id);
    }),
});

export const getMerchant = defineTool({
  name: "get_merchant",
  description: "Read one merchant with its locations.",
  input: MerchantIdInput,
  output: MerchantOutput,
  permission: "catalog.read",
  execute: (input, ctx) => tenantTx(ctx, (tx) => readMerchant(tx, input.merchant_id)),
});

export const updateMerchant = defineTool({
  name: "update_merchant",
  description: "Update a merchant (partial); a locations array replaces all its locations.",
  input: UpdateMerchantInput,
  output: MerchantOutput,
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const { merchant_id, locations, ...fields } = input;
      const [m] = await tx.update(merchants).set({ ...fields, updated_at: sql`now()` }).where(eq(merchants.merchant_id, merchant_id)).returning();
      if (!m) throw notFound("Merchant");
      if (locations) await replaceLocations(tx, tenantId, merchant_id, locations);
      return readMerchant(tx, merchant_id);
    }),
});

export const deleteMerchant = defineTool({
  name: "delete_merchant",
  description: "Delete a merchant and its locations; refused (409) while offers still name it as merchant_owner.",
  input: MerchantIdInput,
  output: z.object({}),
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      await readMerchant(tx, input.merchant_id);
      const [{ n }] = await tx.select({ n: count() }).from(offers)
        .where(and(eq(offers.merchant_owner, input.merchant_id), isNull(offers.deleted_at)));
      if (Number(n) > 0) throw conflict(`${n} offer(s) still belong to this merchant; move or delete them first`, { offer_count: Number(n) });
      await replaceLocations(tx, tenantId, input.merchant_id, []);
      await tx.delete(merchants).where(eq(merchants.merchant_id, input.merchant_id));
      return {};
    }),
});
