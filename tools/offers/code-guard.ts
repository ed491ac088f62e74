import { and, eq, inArray } from "drizzle-orm";
import { can } from "@/core/auth/permissions";
import { AppError, notFound } from "@/core/errors";
import { offerGate, type OfferGate } from "@/core/offers/lifecycle";
import { checkCodeActivation, type GuardedChange, guardLiveChange, newOfferCodeStart } from "@/core/offers/live-guard";
import type { Tx } from "@/db/database";
import { offerCodePauses, offers } from "@/db/schema";
import type { Caller } from "../context";

// The offer side of promo-code writes (CONTRACT §6, issue 10 doors 1 and 2), called by the discount
// tools (create/update/deactivate code). It imports nothing from tools/discounts, so either side may
// import it. The rules themselves are pure functions in core/offers.

type CodeRef = { code_id: string; offer_id: string | null; status: string };

/** The offer as its codes see it at `now` (deleted included), or null when no such offer is visible. */
export async function loadOfferGate(tx: Tx, offerId: string, now: Date): Promise<OfferGate | null> {
  const [row] = await tx.select({ s: offers.offer_status, e: offers.offer_expiry_date, d: offers.deleted_at })
    .from(offers).where(eq(offers.offer_id, offerId));
  return row ? offerGate(row.s, row.e, row.d !== null, now) : null;
}

const fail = (p: { code: string; message: string } | null) => {
  if (p) throw new AppError(p.code as "forbidden", p.message);
};

/**
 * The status a new code on `offerId` starts with; throws 404 for an unknown or deleted offer and 403
 * when a marketer adds a code to a live offer (why: a code on a non-active offer must not redeem).
 */
export async function offerCodeStart(tx: Tx, offerId: string, caller: Caller, now: Date): Promise<"active" | "inactive"> {
  const gate = await loadOfferGate(tx, offerId, now);
  if (gate === null || gate === "deleted") throw notFound("Offer");
  const rights = { canActivate: can(caller.role, "offers.activate"), isConnector: caller.role === "connector" };
  const start = newOfferCodeStart(gate, rights);
  if ("code" in start) fail(start);
  return "status" in start ? start.status : "active";
}

/** Records codes an offer paused, so re-activating the offer restores exactly these. */
export async function recordPauses(tx: Tx, tenantId: string, offerId: string, codeIds: string[]): Promise<void> {
  if (codeIds.length === 0) return;
  await tx.insert(offerCodePauses).values(codeIds.map((code_id) => ({ tenant_id: tenantId, code_id, offer_id: offerId })))
    .onConflictDoNothing();
}

/** A person set this code's status: the offer no longer owns it (an admin's deactivation sticks). */
export async function forgetPause(tx: Tx, codeId: string): Promise<void> {
  await tx.delete(offerCodePauses).where(eq(offerCodePauses.code_id, codeId));
}

/** Codes of an offer that the offer itself paused (and that are still inactive). */
export async function pausedCodeIds(tx: Tx, offerId: string): Promise<string[]> {
  const rows = await tx.select({ id: offerCodePauses.code_id }).from(offerCodePauses)
    .where(eq(offerCodePauses.offer_id, offerId));
  return rows.map((r) => r.id);
}

/** Drops pause records once the offer restored those codes. */
export async function clearPauses(tx: Tx, offerId: string, codeIds: string[]): Promise<void> {
  if (codeIds.length === 0) return;
  await tx.delete(offerCodePauses)
    .where(and(eq(offerCodePauses.offer_id, offerId), inArray(offerCodePauses.code_id, codeIds)));
}

/**
 * Checks a code update against its offer (why: a marketer must not switch on an unapproved offer's
 * code, nor loosen a live offer's code): switching on needs an admin and a not-deleted offer; any
 * change to a live offer's code needs an admin. Forgets the offer's pause when the status is set.
 */
export async function guardCodeUpdate(
  tx: Tx, code: CodeRef, changed: string[], status: string | undefined, caller: Caller, now: Date,
): Promise<void> {
  if (!code.offer_id || changed.length === 0) return;
  const gate = (await loadOfferGate(tx, code.offer_id, now)) ?? "deleted";
  const canActivate = can(caller.role, "offers.activate");
  if (status === "active" && code.status !== "active") fail(checkCodeActivation(gate, canActivate));
  fail(guardLiveChange("code", { offers: [gate], canActivate }));
  if (status !== undefined) await forgetPause(tx, code.code_id);
}

/**
 * Door 2: refuses a marketer's change of `change` kind when any named offer is live or the campaign
 * has a budget (why: loosening a live offer or moving budgeted spend is an admin's call).
 */
export async function assertLiveChangeAllowed(
  tx: Tx, change: GuardedChange, caller: Caller, now: Date,
  facts: { offerIds?: (string | null | undefined)[]; campaignBudgeted?: boolean },
): Promise<void> {
  const canActivate = can(caller.role, "offers.activate");
  if (canActivate) return;
  const ids = [...new Set((facts.offerIds ?? []).filter((x): x is string => !!x))];
  const offers: (OfferGate | null)[] = [];
  for (const id of ids) offers.push(await loadOfferGate(tx, id, now));
  fail(guardLiveChange(change, { offers, campaignBudgeted: facts.campaignBudgeted, canActivate }));
}
