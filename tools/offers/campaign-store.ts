import { and, desc, eq, type SQL } from "drizzle-orm";
import { can } from "@/core/auth/permissions";
import { AppError, type FieldIssue, invalidInput } from "@/core/errors";
import type { Tx } from "@/db/database";
import { campaignOffers, programCampaigns as pc, programs } from "@/db/schema";
import type { ToolContext } from "../context";
import { loadOr404, paginate } from "../crud";
import { iso } from "./common-schemas";
import type { CreateOfferInput } from "./offer-schemas";
import type { CampaignFields } from "./program-schemas";

// Campaign reads and checks shared by the campaign and program tools.

/** Row → API shape. */
export const toCampaignOutput = (r: typeof pc.$inferSelect) => ({ ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! });

/** One campaign of the caller's tenant, or 404. */
export async function loadCampaign(tx: Tx, campaignId: string, opts: { lock?: boolean } = {}) {
  return loadOr404(tx, pc, eq(pc.campaign_id, campaignId), "Campaign", opts);
}

/** A page of campaigns, newest first. */
export async function campaignPage(tx: Tx, conds: SQL[], limit: number, offset: number) {
  const orderBy = [desc(pc.created_at), desc(pc.campaign_id)];
  return paginate(tx, { table: pc, where: and(...conds), orderBy, page: { limit, offset }, key: "campaigns", map: toCampaignOutput });
}

/** Dates in order and the program (when named) the caller's own. */
export async function checkCampaign(tx: Tx, merged: Partial<CampaignFields>) {
  const issues: FieldIssue[] = [];
  if (merged.start_date && merged.end_date && merged.end_date < merged.start_date) {
    issues.push({ field: "end_date", message: "must be on or after start_date" });
  }
  if (merged.program_id) {
    const [p] = await tx.select({ id: programs.program_id }).from(programs).where(eq(programs.program_id, merged.program_id));
    if (!p) issues.push({ field: "program_id", message: "no such program" });
  }
  if (issues.length) throw invalidInput("The campaign has invalid fields", issues);
}

/** Budgets are an admin's call (CONTRACT §1): a marketer may not set or change a campaign's budget_cents. */
export function assertCampaignBudgetAllowed(ctx: ToolContext, changing: boolean) {
  if (changing && !can(ctx.caller.role, "budget.write")) throw new AppError("forbidden", "Only an admin may set a campaign's budget_cents");
}

/**
 * Checks the campaign a create_offer body names before anything is written: campaign_id must be the
 * caller's own campaign, an inline campaign must be valid, and not both.
 */
export async function checkOfferCampaign(tx: Tx, input: Pick<CreateOfferInput, "campaign_id" | "campaign">, ctx: ToolContext) {
  if (input.campaign_id && input.campaign) {
    throw invalidInput("Give campaign_id or campaign, not both", [{ field: "campaign", message: "not together with campaign_id" }]);
  }
  if (input.campaign_id) {
    const [c] = await tx.select({ id: pc.campaign_id }).from(pc).where(eq(pc.campaign_id, input.campaign_id));
    if (!c) throw invalidInput("The offer names an unknown campaign", [{ field: "campaign_id", message: "no such campaign" }]);
  }
  if (input.campaign) {
    assertCampaignBudgetAllowed(ctx, input.campaign.budget_cents != null);
    await checkCampaign(tx, input.campaign).catch((err) => {
      if (!(err instanceof AppError)) throw err;
      const fields = ((err.details.fields ?? []) as FieldIssue[]).map((f) => ({ ...f, field: `campaign.${f.field}` }));
      throw invalidInput(err.message, fields);
    });
  }
}

/** Links a new offer to its campaign (creating the campaign first when given inline); the campaign_id, or null. */
export async function linkOfferCampaign(tx: Tx, tenantId: string, offerId: string, input: Pick<CreateOfferInput, "campaign_id" | "campaign">): Promise<string | null> {
  let campaignId = input.campaign_id ?? null;
  if (input.campaign) {
    const [row] = await tx.insert(pc).values({ tenant_id: tenantId, ...input.campaign }).returning({ id: pc.campaign_id });
    campaignId = row.id;
  }
  if (campaignId) await tx.insert(campaignOffers).values({ tenant_id: tenantId, campaign_id: campaignId, offer_id: offerId });
  return campaignId;
}
