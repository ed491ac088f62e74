// Offer lifecycle: draft → active → inactive/expired. Pure rules; the tools load rows and apply them.

export const OFFER_STATUSES = ["draft", "active", "inactive", "expired"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** Statuses a client may ask for on create: "expired" is something time does, not a starting point. */
export const CREATE_STATUSES = ["draft", "active", "inactive"] as const;

/** Moves an admin may make. Any move back to draft is refused: a draft is only where offers start. */
const TRANSITIONS: Record<OfferStatus, readonly OfferStatus[]> = {
  draft: ["active", "inactive"],
  active: ["inactive", "expired"],
  inactive: ["active", "expired"],
  expired: ["active", "inactive"],
};

/** Status as clients see it: an offer past its expiry reads as expired whatever is stored. */
export function effectiveStatus(stored: OfferStatus, expiry: Date | null, now: Date): OfferStatus {
  if (stored === "expired") return "expired";
  if (expiry && expiry.getTime() <= now.getTime()) return "expired";
  return stored;
}

export type LifecycleProblem = { code: "forbidden" | "conflict" | "expired"; message: string };

export type StatusChange = {
  storedFrom: OfferStatus;
  storedTo: OfferStatus;
  expiryFrom: Date | null;
  expiryTo: Date | null;
  /** The offer_status the caller sent, if any. */
  requested?: OfferStatus;
  canActivate: boolean;
  now: Date;
};

/**
 * Whether an update may change what the offer reads as. Status changes — asked for with offer_status
 * or caused by moving offer_expiry_date — are an admin's decision (CONTRACT §3); a draft stays a
 * draft whatever its dates, so editing a draft's dates is never a status change.
 */
export function checkStatusChange(c: StatusChange): LifecycleProblem | null {
  if (c.requested === "active" && c.expiryTo && c.expiryTo.getTime() <= c.now.getTime()) {
    return { code: "expired", message: `The offer cannot be active: offer_expiry_date ${c.expiryTo.toISOString()} has passed` };
  }
  if (c.storedFrom === "draft" && c.storedTo === "draft") return null;
  const from = effectiveStatus(c.storedFrom, c.expiryFrom, c.now);
  const to = effectiveStatus(c.storedTo, c.expiryTo, c.now);
  if (from === to) return null;
  if (!c.canActivate) {
    return { code: "forbidden", message: `Only an admin may change an offer's status (${from} → ${to}); marketers create and edit drafts` };
  }
  if (!TRANSITIONS[from].includes(to)) return { code: "conflict", message: `An offer cannot move from ${from} to ${to}` };
  return null;
}

/** The status an offer is created with, or the reason the caller may not ask for it. */
export function initialStatus(requested: OfferStatus | undefined, canActivate: boolean): { status: OfferStatus } | LifecycleProblem {
  const status = requested ?? "draft";
  if (status !== "draft" && !canActivate) {
    return {
      code: "forbidden",
      message: `Only an admin may create an offer as ${status}; a marketer's offer starts as draft (omit offer_status or send "draft")`,
    };
  }
  return { status };
}

/** Deleting a live offer stops it, so it is an admin's call like any other status change. */
export function canDelete(status: OfferStatus, canActivate: boolean): boolean {
  return canActivate || status !== "active";
}

/** What an offer's codes see: its effective status, or "deleted" once it is soft-deleted. */
export type OfferGate = OfferStatus | "deleted";

/** The offer's status as its codes' redemption sees it at `now` (dates applied, deletion wins). */
export function offerGate(stored: OfferStatus, expiry: Date | null, deleted: boolean, now: Date): OfferGate {
  return deleted ? "deleted" : effectiveStatus(stored, expiry, now);
}

/** CONTRACT §6: a code attached to an offer redeems only while the offer is active. */
export function offerLetsCodesRedeem(gate: OfferGate | null | undefined): boolean {
  return gate === undefined || gate === null || gate === "active";
}
