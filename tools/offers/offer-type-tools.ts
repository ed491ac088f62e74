import { and, asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { notFound } from "@/core/errors";
import { offerTypes as t } from "@/db/schema";
import { tenantTx } from "../context";
import { loadOr404, paginate } from "../crud";
import { defineTool } from "../registry";
import { iso } from "./common-schemas";
import {
  CreateOfferTypeInput, ListOfferTypesInput, OfferTypeIdInput, OfferTypeListOutput, OfferTypeOutput, UpdateOfferTypeInput,
} from "./offer-type-schemas";

// CRUD of offer types (/dashboard/offers/types). Type names are unique per tenant (409 on a repeat).

const toOutput = (r: typeof t.$inferSelect) => ({ ...r, created_at: iso(r.created_at)! });

export const listOfferTypes = defineTool({
  name: "list_offer_types",
  description: "List the tenant's offer types.",
  input: ListOfferTypesInput,
  output: OfferTypeListOutput,
  permission: "catalog.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const conds: SQL[] = input.is_active ? [eq(t.is_active, input.is_active === "true")] : [];
      return paginate(tx, { table: t, where: and(...conds), orderBy: [asc(t.type_name)], page: input, key: "offer_types", map: toOutput });
    }),
});

export const createOfferType = defineTool({
  name: "create_offer_type",
  description: "Add an offer type to the tenant's catalogue.",
  input: CreateOfferTypeInput,
  output: OfferTypeOutput,
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const [row] = await tx.insert(t).values({ tenant_id: tenantId, ...input }).returning();
      return toOutput(row);
    }),
});

export const getOfferType = defineTool({
  name: "get_offer_type",
  description: "Read one offer type.",
  input: OfferTypeIdInput,
  output: OfferTypeOutput,
  permission: "catalog.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      return toOutput(await loadOr404(tx, t, eq(t.offer_type_id, input.offer_type_id), "Offer type"));
    }),
});

export const updateOfferType = defineTool({
  name: "update_offer_type",
  description: "Update an offer type (partial). Offers keep the type name they were created with.",
  input: UpdateOfferTypeInput,
  output: OfferTypeOutput,
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const { offer_type_id, ...fields } = input;
      // An empty body changes nothing: answer with the current row (or 404) instead of an empty UPDATE.
      const [row] = Object.keys(fields).length
        ? await tx.update(t).set(fields).where(eq(t.offer_type_id, offer_type_id)).returning()
        : await tx.select().from(t).where(eq(t.offer_type_id, offer_type_id));
      if (!row) throw notFound("Offer type");
      return toOutput(row);
    }),
});

export const deleteOfferType = defineTool({
  name: "delete_offer_type",
  description: "Remove an offer type from the catalogue; existing offers keep their offer_type text.",
  input: OfferTypeIdInput,
  output: z.object({}),
  permission: "catalog.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      const rows = await tx.delete(t).where(eq(t.offer_type_id, input.offer_type_id)).returning({ id: t.offer_type_id });
      if (!rows.length) throw notFound("Offer type");
      return {};
    }),
});
