import { inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { conflict } from "@/core/errors";
import { effectiveStatus } from "@/core/offers/lifecycle";
import { offers } from "@/db/schema";
import { writeAudit } from "../audit";
import { tenantTx } from "../context";
import { defineTool } from "../registry";
import { Uuid } from "./common-schemas";
import { listOfferOutputs, loadOffer, readOffer, statusCondition } from "./offer-read";
import { assertMayReadHistory, latestReviews, reviewStateOf, timelineRows } from "./offer-review-store";
import { OfferOutput } from "./offer-schemas";

// The approval loop (CONTRACT §9, issue 16): a marketer submits a draft, an admin approves it (activation,
// which runs every check) or rejects it with a reason; every offer has a timeline of what happened to it.

const Note = z.string().trim().min(1).max(1000);

export const SubmitOfferInput = z.object({ offer_id: Uuid, note: Note.optional().describe("What the approver should know") }).strict();
export const RejectOfferInput = z.object({ offer_id: Uuid, reason: Note.describe("Why it is rejected; the marketer reads it on the offer's timeline") }).strict();

const ReviewState = z.enum(["submitted", "rejected"]).nullable();
export const TimelineOutput = z.object({
  events: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), details: z.record(z.string(), z.unknown()) })),
  review_state: ReviewState.describe("submitted: waiting for an admin; rejected: sent back with a reason"),
});

/** A draft that may enter or leave review; anything else is a conflict naming its status. */
async function lockDraft(tx: Parameters<typeof loadOffer>[0], offerId: string, now: Date, verb: string) {
  const row = await loadOffer(tx, offerId, { lock: true });
  const status = effectiveStatus(row.offer_status, row.offer_expiry_date, now);
  if (status !== "draft") throw conflict(`Only a draft can be ${verb}; this offer is ${status}`);
  return row;
}

export const submitOffer = defineTool({
  name: "submit_offer",
  description: "Submit a draft for an admin's approval (marketers and admins); it joins the approval queue.",
  input: SubmitOfferInput,
  output: OfferOutput,
  permission: "offers.write",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await lockDraft(tx, input.offer_id, ctx.now(), "submitted");
      assertMayReadHistory(row, ctx.caller);
      await writeAudit(tx, tenantId, { caller: ctx.caller, action: "submit_offer", allowed: true, subject_type: "offer", subject_id: row.offer_id, at: ctx.now(), details: { offer_id: row.offer_id, note: input.note ?? null } });
      return readOffer(tx, row.offer_id, ctx.now());
    }),
});

export const rejectOffer = defineTool({
  name: "reject_offer",
  description: "Reject a draft (admin only) with a reason: it stays a draft, leaves the approval queue, and the reason goes on its timeline.",
  input: RejectOfferInput,
  output: OfferOutput,
  permission: "offers.activate",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await lockDraft(tx, input.offer_id, ctx.now(), "rejected");
      await writeAudit(tx, tenantId, { caller: ctx.caller, action: "reject_offer", allowed: true, subject_type: "offer", subject_id: row.offer_id, at: ctx.now(), details: { offer_id: row.offer_id, reason: input.reason } });
      return readOffer(tx, row.offer_id, ctx.now());
    }),
});

export const getOfferTimeline = defineTool({
  name: "get_offer_timeline",
  description: "An offer's events, oldest first: created, edits, submitted, approved or rejected with the reason, paused, policy changes on its surfaces. Admins, and the marketer who created it.",
  input: z.object({ offer_id: Uuid }).strict(),
  output: TimelineOutput,
  permission: "offers.read",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const row = await loadOffer(tx, input.offer_id);
      assertMayReadHistory(row, ctx.caller);
      const review = (await latestReviews(tx, tenantId, [row.offer_id])).get(row.offer_id);
      const draft = effectiveStatus(row.offer_status, row.offer_expiry_date, ctx.now()) === "draft";
      return { events: await timelineRows(tx, row), review_state: draft ? reviewStateOf(review?.action) : null };
    }),
});

const QueueItem = OfferOutput.extend({ submitted_at: z.string(), note: z.string().nullable() });

export const listOfferApprovals = defineTool({
  name: "list_offer_approvals",
  description: "The approval queue (admin only): drafts submitted for approval and not yet approved or rejected, oldest submission first.",
  input: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }).strict(),
  output: z.object({ offers: z.array(QueueItem), total_count: z.number().int() }),
  permission: "offers.activate",
  execute: (input, ctx) =>
    tenantTx(ctx, async (tx, tenantId) => {
      const reviews = [...(await latestReviews(tx, tenantId, null)).entries()].filter(([, r]) => r.action === "submit_offer");
      if (reviews.length === 0) return { offers: [], total_count: 0 };
      const ids = reviews.map(([id]) => id);
      const page = await listOfferOutputs(tx, [isNull(offers.deleted_at), inArray(offers.offer_id, ids), statusCondition("draft", ctx.now())], 100, 0, ctx.now());
      const byId = new Map(page.offers.map((o) => [o.offer_id, o]));
      const items = reviews.filter(([id]) => byId.has(id))
        .sort((a, b) => new Date(a[1].at).getTime() - new Date(b[1].at).getTime())
        .map(([id, r]) => ({ ...byId.get(id)!, submitted_at: new Date(r.at).toISOString(), note: ((r.details ?? {}) as { note?: string | null }).note ?? null }));
      return { offers: items.slice(0, input.limit), total_count: items.length };
    }),
});

/** The approval loop's tools (activation itself stays activate_offer, which runs every check). */
export const reviewTools = [submitOffer, rejectOffer, getOfferTimeline, listOfferApprovals];
