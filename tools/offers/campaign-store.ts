import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { type FieldIssue, invalidInput, notFound } from "@/core/errors";
import type { Tx } from "@/db/database";
import { programCampaigns as pc, programs } from "@/db/schema";
import { iso } from "./common-schemas";
import type { CampaignFields } from "./program-schemas";

// Campaign reads and checks shared by the campaign and program tools.

/** Row → API shape. */
export const toCampaignOutput = (r: typeof pc.$inferSelect) => ({ ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! });

/** One campaign of the caller's tenant, or 404. */
export async function loadCampaign(tx: Tx, campaignId: string) {
  const [row] = await tx.select().from(pc).where(eq(pc.campaign_id, campaignId));
  if (!row) throw notFound("Campaign");
  return row;
}

/** A page of campaigns, newest first. */
export async function campaignPage(tx: Tx, conds: SQL[], limit: number, offset: number) {
  const rows = await tx.select().from(pc).where(and(...conds)).orderBy(desc(pc.created_at), desc(pc.campaign_id)).limit(limit).offset(offset);
  const [{ n }] = await tx.select({ n: count() }).from(pc).where(and(...conds));
  return { campaigns: rows.map(toCampaignOutput), total_count: Number(n), limit, offset };
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
