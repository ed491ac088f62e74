"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toAppError } from "@/core/errors";
import { requireSession } from "./session";
import { duplicateOffer as duplicateOfferTool } from "@/tools/offers/offer-copy-tools";
import { activateOffer as activateOfferTool } from "@/tools/offers/offer-status-tools";
import { callTool, tryTool } from "./tools";

// Offer detail actions; the tools decide who may do what (activate is admin-only there too).

export type ActionState = { error: string | null; ok: string | null };

/** Activates a draft through the activate tool (admin-only there; the button is only shown to admins). */
export async function activateOffer(_prev: ActionState, form: FormData): Promise<ActionState> {
  const session = await requireSession();
  const offer_id = String(form.get("offer_id"));
  const result = await tryTool(session, activateOfferTool, { offer_id });
  if (!result.ok) return { error: result.error.message, ok: null };
  revalidatePath(`/offers/${offer_id}`);
  return { error: null, ok: "The offer is active." };
}

/** Duplicates the offer (as a draft) and opens the copy. */
export async function duplicateOffer(_prev: ActionState, form: FormData): Promise<ActionState> {
  const session = await requireSession();
  const offer_id = String(form.get("offer_id"));
  let copyId: string;
  try {
    const copy = await callTool(session, duplicateOfferTool, { offer_id });
    copyId = copy.offer_id;
  } catch (err) {
    return { error: toAppError(err).message, ok: null };
  }
  redirect(`/offers/${copyId}`);
}
