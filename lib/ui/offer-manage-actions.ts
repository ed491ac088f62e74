"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "./session";
import type { z } from "zod";
import { deactivateDiscountCode, createDiscountCode } from "@/tools/discounts/code-tools";
import { createControl, updateControl } from "@/tools/offers/control-tools";
import { uploadCustomerList } from "@/tools/offers/customer-list-tools";
import { duplicateOffer } from "@/tools/offers/offer-copy-tools";
import { rejectOffer as rejectOfferTool, submitOffer } from "@/tools/offers/offer-review-tools";
import { activateOffer, deactivateOffer } from "@/tools/offers/offer-status-tools";
import { deleteOffer, updateOffer } from "@/tools/offers/offer-tools";
import type { Tool } from "@/tools/registry";
import { callTool } from "./tools";
import { plainError } from "./plain-errors";

// What an offer page can do after "Saved as a draft": approvals, pause/resume/archive, edits, one-click fixes,
// codes and customer lists. Every action is a registry tool, so the roles of CONTRACT §6 decide; every save says so.

export type ManageState = { error: string | null; ok: string | null; fields?: Record<string, string>; data?: unknown };

const done = (offerId: string, ok: string): ManageState => {
  revalidatePath(`/offers/${offerId}`);
  return { error: null, ok };
};

type Attempt<T> = { ok: true; data: T } | { ok: false; state: ManageState };

/**
 * Runs a tool as the signed-in user (the tool's zod input checks the form's fields; the result has its z.output
 * type); a refusal keeps its details (reasons, fields) for plain words.
 */
async function attempt<I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>, input: Record<string, unknown>): Promise<Attempt<z.output<O>>> {
  const session = await requireSession();
  try {
    return { ok: true, data: await callTool(session, tool, input as z.input<I>) };
  } catch (err) {
    return { ok: false, state: plainError(err) };
  }
}

async function run<I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>, input: Record<string, unknown>, offerId: string, ok: string): Promise<ManageState> {
  const r = await attempt(tool, input);
  return r.ok ? done(offerId, ok) : r.state;
}

/** A marketer (or admin) asks for approval; an optional note goes on the timeline. */
export async function submitForApproval(offerId: string, note: string): Promise<ManageState> {
  return run(submitOffer, { offer_id: offerId, ...(note.trim() ? { note: note.trim() } : {}) }, offerId, "Submitted for approval. An admin will approve or reject it.");
}

/** Approve = activate, which runs every governance check now and is refused while one fails. */
export async function approveOffer(offerId: string): Promise<ManageState> {
  return run(activateOffer, { offer_id: offerId }, offerId, "Approved: every check passed and the offer is active.");
}

/** Reject with a reason the marketer reads on the timeline. */
export async function rejectOffer(offerId: string, reason: string): Promise<ManageState> {
  if (reason.trim().length === 0) return { error: "Write the reason for the rejection; the marketer will read it.", ok: null, fields: { reason: "A reason is required." } };
  return run(rejectOfferTool, { offer_id: offerId, reason: reason.trim() }, offerId, "Rejected. The marketer sees your reason on the offer's timeline.");
}

/** Pause (deactivate) or resume (activate, with every check) a live offer. */
export async function setOfferRunning(offerId: string, running: boolean): Promise<ManageState> {
  return running
    ? run(activateOffer, { offer_id: offerId }, offerId, "Resumed: the offer is active again.")
    : run(deactivateOffer, { offer_id: offerId }, offerId, "Paused: its codes stop redeeming until it is resumed.");
}

/** Archive (soft-delete), then back to the list. */
export async function archiveOffer(offerId: string): Promise<ManageState> {
  const r = await attempt(deleteOffer, { offer_id: offerId });
  if (!r.ok) return r.state;
  redirect("/offers?archived=1");
}

/** Saves edited fields (already converted to the API's names and units by the form). */
export async function saveOfferFields(offerId: string, fields: Record<string, unknown>): Promise<ManageState> {
  return run(updateOffer, { offer_id: offerId, ...fields }, offerId, "Saved.");
}

/** Adds a promo code to the offer (generated when left empty), on the offer's terms. */
export async function addCode(offerId: string, body: Record<string, unknown>): Promise<ManageState> {
  return run(createDiscountCode, { ...body, offer_id: offerId }, offerId, `Code ${body.promo_code ? String(body.promo_code) : "generated"} added.`);
}

/** Generates `count` codes (1–100) on the offer's terms; stops at the first refusal and says how many were made. */
export async function generateCodes(offerId: string, body: Record<string, unknown>, count: number): Promise<ManageState> {
  const n = Math.max(1, Math.min(100, Math.floor(count)));
  let made = 0;
  for (; made < n; made++) {
    const r = await attempt(createDiscountCode, { ...body, offer_id: offerId });
    if (!r.ok) {
      revalidatePath(`/offers/${offerId}`);
      return { ...r.state, ok: made ? `${made} of ${n} codes generated before the refusal.` : null };
    }
  }
  return done(offerId, `${made} codes generated. Download them as CSV below.`);
}

/** Deactivates one code (the ledger keeps its history). */
export async function deactivateCode(offerId: string, codeId: string): Promise<ManageState> {
  return run(deactivateDiscountCode, { code_id: codeId }, offerId, "Code deactivated.");
}

/** Uploads a CSV customer list; the answer lists every rejected row with its reason. */
export async function uploadCustomers(offerId: string, csv: string, name: string): Promise<ManageState> {
  const r = await attempt(
    uploadCustomerList, { offer_id: offerId, csv, ...(name.trim() ? { name: name.trim() } : {}) });
  if (!r.ok) return r.state;
  revalidatePath(`/offers/${offerId}`);
  const d = r.data;
  return { error: null, ok: `Uploaded: ${d.accepted_count} accepted, ${d.rejected_count} rejected, ${d.duplicate_count} duplicates.`, data: d };
}

/** Duplicates as "Copy of …" (a draft) and opens it for editing. */
export async function duplicateAsCopy(offerId: string, title: string): Promise<ManageState> {
  const copy = await attempt(duplicateOffer, { offer_id: offerId });
  if (!copy.ok) return copy.state;
  const renamed = await attempt(updateOffer, { offer_id: copy.data.offer_id, short_text: `Copy of ${title}`.slice(0, 200) });
  // The copy exists either way; say so rather than hide a failed rename behind the redirect.
  if (!renamed.ok) return { ...renamed.state, ok: "Copied as a draft, but its title could not be set." };
  redirect(`/offers/${copy.data.offer_id}?edit=1&copied=1`);
}

type ControlEdit = { usage_limit: number | null; per_customer_limit: number | null; location_restrictions: string[] };

/**
 * Sets the offer's redemption controls (total and per-customer limits, allowed locations; none = any location):
 * updates its control, or creates one. The tool checks the ids and who may change a live offer's controls.
 */
export async function saveControls(offerId: string, controlId: string | null, edit: ControlEdit): Promise<ManageState> {
  const n = new Set(edit.location_restrictions).size; // the tool dedupes; a hand-made request may not
  const where = n === 0 ? "any location" : `${n} location${n === 1 ? "" : "s"} only`;
  return controlId
    ? run(updateControl, { control_id: controlId, ...edit }, offerId, `Saved: redemption controls updated (redeemable at ${where}).`)
    : run(createControl, { offer_id: offerId, ...edit }, offerId, `Saved: redemption controls added (redeemable at ${where}).`);
}
