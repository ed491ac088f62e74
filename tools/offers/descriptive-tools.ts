import { and, asc, eq, sql } from "drizzle-orm";
import { conflict, notFound } from "@/core/errors";
import type { Tx } from "@/db/database";
import { offerDescriptives as d } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { iso } from "./common-schemas";
import { DescriptiveInput, DescriptiveListOutput, DescriptiveOutput } from "./descriptive-schemas";
import { auditCopy } from "./offer-audit";
import { loadOffer } from "./offer-read";
import { OfferIdInput } from "./offer-schemas";
import { descriptiveColumns } from "./offer-write";

// Translations of an offer's copy: POST adds a language, PUT updates one named by body language_code.

type Row = typeof d.$inferSelect;
const toOutput = (r: Row) => ({ ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! });

async function findLanguage(tx: Tx, offerId: string, language: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(d).where(and(eq(d.offer_id, offerId), eq(d.language_code, language)));
  return row;
}

export const addOfferDescriptive = defineTool({
  name: "add_offer_descriptive",
  description: "Add the offer's copy in one more language (409 if that language exists; update it with PUT).",
  input: DescriptiveInput,
  output: DescriptiveOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      await loadOffer(tx, input.offer_id);
      if (await findLanguage(tx, input.offer_id, input.language_code)) {
        throw conflict(`The offer already has ${input.language_code} copy; update it with PUT`, { language_code: input.language_code });
      }
      const [row] = await tx.insert(d).values({
        tenant_id: tenantId, offer_id: input.offer_id, language_code: input.language_code, ...descriptiveColumns(input),
      }).returning();
      await auditCopy(tx, tenantId, ctx, "add_offer_descriptive", null, row);
      return toOutput(row);
    }),
});

export const updateOfferDescriptive = defineTool({
  name: "update_offer_descriptive",
  description: "Update the offer's copy in the language named by language_code (fields not sent stay as they are).",
  input: DescriptiveInput,
  output: DescriptiveOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      await loadOffer(tx, input.offer_id);
      const before = await findLanguage(tx, input.offer_id, input.language_code);
      if (!before) throw notFound(`${input.language_code} copy of this offer`);
      const fields = descriptiveColumns(input) ?? {};
      const [row] = await tx.update(d).set({ ...fields, updated_at: sql`now()` })
        .where(and(eq(d.offer_id, input.offer_id), eq(d.language_code, input.language_code))).returning();
      await auditCopy(tx, tenantId, ctx, "update_offer_descriptive", before, row);
      return toOutput(row);
    }),
});

export const listOfferDescriptives = defineTool({
  name: "list_offer_descriptives",
  description: "Every language's copy of an offer.",
  input: OfferIdInput,
  output: DescriptiveListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      await loadOffer(tx, input.offer_id);
      const rows = await tx.select().from(d).where(eq(d.offer_id, input.offer_id)).orderBy(asc(d.language_code));
      return { descriptives: rows.map(toOutput) };
    }),
});
