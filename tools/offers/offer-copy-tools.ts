import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError, toAppError } from "@/core/errors";
import { mapDbError } from "@/db/errors";
import { offerDescriptives, offers } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool, fieldIssues } from "../registry";
import { auditOfferChange } from "./offer-audit";
import { listOfferOutputs, loadOffer, readOffer } from "./offer-read";
import { CreateOfferInput, OfferIdInput, OfferOutput } from "./offer-schemas";
import { insertOffer } from "./offer-write";

// Duplicate one offer, or create many at once (all-or-nothing).

export const MAX_BULK = 500;

export const duplicateOffer = defineTool({
  name: "duplicate_offer",
  description: "Copy an offer into a new draft with a new id: descriptives copied; promo codes, lists, links and external_reference not.",
  input: OfferIdInput,
  output: OfferOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const src = await loadOffer(tx, input.offer_id);
      const { offer_id: _id, created_at: _c, updated_at: _u, deleted_at: _d, ...copy } = src;
      const [row] = await tx.insert(offers).values({
        ...copy, offer_status: "draft", external_reference: null, created_by_key_id: ctx.caller.apiKeyId, issuer_type: ctx.caller.issuerType,
      }).returning({ offer_id: offers.offer_id });
      const texts = await tx.select().from(offerDescriptives).where(eq(offerDescriptives.offer_id, src.offer_id));
      if (texts.length) {
        await tx.insert(offerDescriptives).values(texts.map(({ created_at: _tc, updated_at: _tu, ...t }) => ({ ...t, tenant_id: tenantId, offer_id: row.offer_id })));
      }
      const created = await readOffer(tx, row.offer_id, ctx.now());
      await auditOfferChange(tx, tenantId, ctx, "duplicate_offer", row.offer_id, null, created, { source_offer_id: src.offer_id });
      return created;
    }),
});

const ItemError = z.object({ index: z.number().int(), code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), message: z.string() })) });
type ItemError = z.infer<typeof ItemError>;

/** 400 listing every failing item by index; nothing was created. */
function bulkRejected(items: ItemError[]): AppError {
  const fields = items.flatMap((it) => (it.fields.length ? it.fields.map((f) => ({ field: `offers.${it.index}.${f.field}`, message: f.message })) : [{ field: `offers.${it.index}`, message: `${it.code}: ${it.message}` }]));
  return new AppError("invalid_input", `${items.length} of the offers failed (indexes ${items.map((i) => i.index).join(", ")}); none were created`, { fields, items });
}

export const bulkCreateOffers = defineTool({
  name: "bulk_create_offers",
  description: `Create up to ${MAX_BULK} offers in one transaction: all or nothing. A 400 lists each failing index with its reason.`,
  input: z.object({ offers: z.array(z.unknown()).min(1).max(MAX_BULK).describe("CreateOfferInput objects, as POST /dashboard/offers takes") }),
  output: z.object({ offers: z.array(OfferOutput), created_count: z.number().int() }),
  permission: "offers.write",
  async execute(input, ctx) {
    const parsed = input.offers.map((item) => CreateOfferInput.safeParse(item));
    const invalid: ItemError[] = parsed.flatMap((p, index) =>
      p.success ? [] : [{ index, code: "invalid_input", message: "invalid fields", fields: fieldIssues(p.error) }]);
    if (invalid.length) throw bulkRejected(invalid);
    return tenantTx(ctx, async (tx, tenantId) => {
      const ids: string[] = [];
      const failed: ItemError[] = [];
      for (const [index, p] of parsed.entries()) {
        try {
          // A savepoint per item: one failure is recorded and the rest are still checked.
          ids.push(await tx.transaction((sp) => insertOffer(sp, tenantId, p.data!, ctx)));
        } catch (err) {
          const e = toAppError(mapDbError(err));
          const fields = ((e.details.fields as ItemError["fields"] | undefined) ?? []);
          failed.push({ index, code: e.code, message: e.message, fields });
        }
      }
      if (failed.length) throw bulkRejected(failed);
      const page = await listOfferOutputs(tx, [inArray(offers.offer_id, ids)], MAX_BULK, 0, ctx.now());
      const byId = new Map(page.offers.map((o) => [o.offer_id, o]));
      for (const id of ids) await auditOfferChange(tx, tenantId, ctx, "create_offer", id, null, byId.get(id)!, { via: "bulk_create_offers" });
      return { offers: ids.map((id) => byId.get(id)!), created_count: ids.length };
    });
  },
});
