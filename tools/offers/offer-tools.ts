import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { can } from "@/core/auth/permissions";
import { AppError, invalidInput } from "@/core/errors";
import { offerIssues } from "@/core/offers/consistency";
import { canDelete, checkStatusChange, effectiveStatus } from "@/core/offers/lifecycle";
import { offers } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { iso } from "./common-schemas";
import { listConditions, listOfferOutputs, loadOffer, readOffer } from "./offer-read";
import { CreateOfferInput, ListOffersInput, OfferIdInput, OfferListOutput, OfferOutput, UpdateOfferInput } from "./offer-schemas";
import { offerChangeKind } from "@/core/offers/live-guard";
import { assertLiveChangeAllowed } from "./code-guard";
import { assertOfferPasses } from "./offer-check-tools";
import { afterStatusChange, syncCodeWindow } from "./offer-codes";
import { auditOfferChange, recordingRefusal } from "./offer-audit";
import { assertBudgetChangeAllowed, descriptiveColumns, insertOffer, offerColumns, referenceIssues, upsertDescriptive } from "./offer-write";

// CRUD of offers (CONTRACT §3). Status changes go through core/offers/lifecycle.ts.

export const listOffers = defineTool({
  name: "list_offers",
  description: "List offers with filters (merchant_owner, offer_status, short_text search in title/description), newest first.",
  input: ListOffersInput,
  output: OfferListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, (tx) => listOfferOutputs(tx, listConditions(tx, input, ctx.now()), input.limit, input.offset, ctx.now())),
});

export const createOffer = defineTool({
  name: "create_offer",
  description: "Create an offer. Marketers create drafts; an admin may create it active. A promo_code is created through the discount core in the same transaction.",
  input: CreateOfferInput,
  output: OfferOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const id = await insertOffer(tx, tenantId, input, ctx);
      if (input.offer_status === "active") await assertOfferPasses(tx, await loadOffer(tx, id), ctx.now(), { requireCode: false });
      const created = await readOffer(tx, id, ctx.now());
      await auditOfferChange(tx, tenantId, ctx, "create_offer", created.offer_id, null, created);
      return created;
    }),
});

export const getOffer = defineTool({
  name: "get_offer",
  description: "Read one offer with its default-language copy; offer_status reads expired once offer_expiry_date has passed.",
  input: OfferIdInput,
  output: OfferOutput,
  permission: "offers.read",
  execute: (input, ctx) => tenantTx(ctx, (tx) => readOffer(tx, input.offer_id, ctx.now())),
});

export const updateOffer = defineTool({
  name: "update_offer",
  description: "Update an offer's fields (partial). Status changes, by offer_status or by moving the expiry, are admin-only.",
  input: UpdateOfferInput,
  output: OfferOutput,
  permission: "offers.write",
  execute: (input, ctx) => recordingRefusal(ctx, input.offer_id, (refusal) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await loadOffer(tx, input.offer_id, { lock: true });
      const { offer_id, offer_status, ...fields } = input;
      const stored = { ...row, version_active_from: iso(row.version_active_from), offer_expiry_date: iso(row.offer_expiry_date) };
      const issues = [...offerIssues({ ...stored, ...fields }), ...(await referenceIssues(tx, fields))];
      if (issues.length) throw invalidInput("The offer has invalid fields", issues);
      const cols = offerColumns(fields, row.date_inputs);
      const storedTo = offer_status ?? row.offer_status;
      const expiryTo = cols.offer_expiry_date !== undefined ? cols.offer_expiry_date : row.offer_expiry_date;
      const problem = checkStatusChange({
        storedFrom: row.offer_status, storedTo, expiryFrom: row.offer_expiry_date, expiryTo,
        requested: offer_status, canActivate: can(ctx.caller.role, "offers.activate"), now: ctx.now(),
      });
      if (problem) throw new AppError(problem.code, problem.message);
      const budgetChanged = fields.total_budget_cents !== undefined && fields.total_budget_cents !== row.total_budget_cents;
      assertBudgetChangeAllowed(ctx, budgetChanged && row.offer_status !== "draft", "total_budget_cents");
      const kind = offerChangeKind(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k]) => k));
      if (kind) await assertLiveChangeAllowed(tx, kind, ctx.caller, ctx.now(), { offerIds: [offer_id] });
      const beforeRead = await readOffer(tx, offer_id, ctx.now());
      await tx.update(offers).set({ ...cols, offer_status: storedTo, updated_at: sql`now()` }).where(eq(offers.offer_id, offer_id));
      await syncCodeWindow(tx, offer_id, { starts_at: cols.version_active_from, expires_at: cols.offer_expiry_date }, ctx);
      const copy = descriptiveColumns(fields);
      if (copy) await upsertDescriptive(tx, tenantId, offer_id, fields.default_language ?? row.default_language, copy);
      const now = ctx.now();
      const before = effectiveStatus(row.offer_status, row.offer_expiry_date, now);
      const after = effectiveStatus(storedTo, expiryTo, now);
      if (after === "active" && before !== "active") {
        await assertOfferPasses(tx, await loadOffer(tx, offer_id), now).catch((e: AppError) => { refusal.error = e; throw e; });
      }
      if (before !== after) await afterStatusChange(tx, tenantId, offer_id, after, ctx);
      const updated = await readOffer(tx, offer_id, now);
      await auditOfferChange(tx, tenantId, ctx, before !== after ? "change_offer_status" : "update_offer", offer_id, beforeRead, updated);
      return updated;
    })),
});

export const deleteOffer = defineTool({
  name: "delete_offer",
  description: "Soft-delete an offer: it disappears from every read (404 afterwards). Deleting a live offer is admin-only.",
  input: OfferIdInput,
  output: z.object({}),
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await loadOffer(tx, input.offer_id, { lock: true });
      const status = effectiveStatus(row.offer_status, row.offer_expiry_date, ctx.now());
      if (!canDelete(status, can(ctx.caller.role, "offers.activate"))) {
        throw new AppError("forbidden", "Only an admin may delete an active offer; ask an admin to deactivate or delete it");
      }
      const beforeRead = await readOffer(tx, input.offer_id, ctx.now());
      await tx.update(offers).set({ deleted_at: ctx.now(), updated_at: sql`now()` }).where(eq(offers.offer_id, input.offer_id));
      await afterStatusChange(tx, tenantId, input.offer_id, "deleted", ctx);
      await auditOfferChange(tx, tenantId, ctx, "delete_offer", input.offer_id, beforeRead, null);
      return {};
    }),
});
