import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AppError, conflict } from "@/core/errors";
import { campaignOffers, programCampaigns as pc } from "@/db/schema";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { assertLiveChangeAllowed } from "./code-guard";
import { iso } from "./common-schemas";
import { auditCampaign, auditOfferPart } from "./offer-audit";
import { assertCampaignBudgetAllowed, campaignPage, checkCampaign, loadCampaign, toCampaignOutput } from "./campaign-store";
import { listConditions, listOfferOutputs, loadOffer } from "./offer-read";
import { OfferListOutput } from "./offer-schemas";
import {
  CampaignIdInput, CampaignListOutput, CampaignOfferOutput, CampaignOffersInput, CampaignOutput, CreateCampaignInput,
  LinkOfferInput, ListCampaignsInput, UpdateCampaignInput,
} from "./program-schemas";

// Campaigns (/dashboard/campaigns) and their offer links (/dashboard/campaigns/{id}/offers).

export const listCampaigns = defineTool({
  name: "list_campaigns",
  description: "List campaigns, optionally of one program.",
  input: ListCampaignsInput,
  output: CampaignListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, (tx) => {
      const conds: SQL[] = input.program_id ? [eq(pc.program_id, input.program_id)] : [];
      return campaignPage(tx, conds, input.limit, input.offset);
    }),
});

export const createCampaign = defineTool({
  name: "create_campaign",
  description: "Create a campaign with start/end dates and an optional budget_cents (admin only for the budget).",
  input: CreateCampaignInput,
  output: CampaignOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      assertCampaignBudgetAllowed(ctx, input.budget_cents != null);
      await checkCampaign(tx, input);
      const [row] = await tx.insert(pc).values({ tenant_id: tenantId, ...input }).returning();
      await auditCampaign(tx, tenantId, ctx, "create_campaign", null, row);
      return toCampaignOutput(row);
    }),
});

export const getCampaign = defineTool({
  name: "get_campaign",
  description: "Read one campaign.",
  input: CampaignIdInput,
  output: CampaignOutput,
  permission: "offers.read",
  execute: (input, ctx) => tenantTx(ctx, async (tx) => toCampaignOutput(await loadCampaign(tx, input.campaign_id))),
});

export const updateCampaign = defineTool({
  name: "update_campaign",
  description: "Update a campaign (partial); changing budget_cents is admin only.",
  input: UpdateCampaignInput,
  output: CampaignOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const { campaign_id, ...fields } = input;
      const row = await loadCampaign(tx, campaign_id, { lock: true });
      assertCampaignBudgetAllowed(ctx, fields.budget_cents !== undefined && fields.budget_cents !== row.budget_cents);
      await checkCampaign(tx, { ...row, ...fields });
      const [updated] = await tx.update(pc).set({ ...fields, updated_at: sql`now()` }).where(eq(pc.campaign_id, campaign_id)).returning();
      await auditCampaign(tx, tenantId, ctx, "update_campaign", row, updated);
      return toCampaignOutput(updated);
    }),
});

export const deleteCampaign = defineTool({
  name: "delete_campaign",
  description: "Delete a campaign and its offer links (the offers stay).",
  input: CampaignIdInput,
  output: z.object({}),
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await loadCampaign(tx, input.campaign_id, { lock: true });
      const links = await tx.select({ offer_id: campaignOffers.offer_id }).from(campaignOffers).where(eq(campaignOffers.campaign_id, input.campaign_id));
      const offerIds = links.map((l) => l.offer_id);
      await assertLiveChangeAllowed(tx, "campaign_link", ctx.caller, ctx.now(), { offerIds, campaignBudgeted: row.budget_cents !== null });
      await tx.delete(campaignOffers).where(eq(campaignOffers.campaign_id, input.campaign_id));
      await tx.delete(pc).where(eq(pc.campaign_id, input.campaign_id));
      await auditCampaign(tx, tenantId, ctx, "delete_campaign", row, null, { unlinked_offer_ids: offerIds });
      return {};
    }),
});

export const linkCampaignOffer = defineTool({
  name: "link_campaign_offer",
  description: "Add an offer to a campaign (409 if it is already in it).",
  input: LinkOfferInput,
  output: CampaignOfferOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const campaign = await loadCampaign(tx, input.campaign_id, { lock: true });
      await loadOffer(tx, input.offer_id).catch(() => {
        throw new AppError("invalid_input", "No such offer", { fields: [{ field: "offer_id", message: "no such offer" }] });
      });
      const campaignBudgeted = campaign.budget_cents !== null;
      await assertLiveChangeAllowed(tx, "campaign_link", ctx.caller, ctx.now(), { offerIds: [input.offer_id], campaignBudgeted });
      const [row] = await tx.insert(campaignOffers).values({ tenant_id: tenantId, ...input }).onConflictDoNothing().returning();
      if (!row) throw conflict("The offer is already in this campaign", input);
      await auditOfferPart(tx, tenantId, ctx, "link_campaign_offer", { type: "campaign", id: input.campaign_id, offerId: input.offer_id }, null, row);
      return { ...row, created_at: iso(row.created_at)! };
    }),
});

export const listCampaignOffers = defineTool({
  name: "list_campaign_offers",
  description: "List the offers in a campaign (full offer objects).",
  input: CampaignOffersInput,
  output: OfferListOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx) => {
      await loadCampaign(tx, input.campaign_id);
      const conds = listConditions(tx, { campaign_id: input.campaign_id }, ctx.now());
      return listOfferOutputs(tx, conds, input.limit, input.offset, ctx.now());
    }),
});

