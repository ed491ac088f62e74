import type { LifecycleProblem, OfferGate } from "./lifecycle";

// Who may switch an offer's promo codes on, and what status a new code on an offer starts with
// (CONTRACT §6, issue 10 door 1). Pure: the tools load the offer and the caller's rights.

/**
 * Whether a caller may set an offer's code to active. A deleted offer's code never comes back; only a
 * role that may activate offers may switch a code on (it would otherwise put an unapproved offer live).
 */
export function checkCodeActivation(offer: OfferGate, canActivate: boolean): LifecycleProblem | null {
  if (offer === "deleted") return { code: "conflict", message: "The code's offer was deleted; its codes can never be switched on again" };
  if (!canActivate) {
    return { code: "forbidden", message: "Only an admin may switch on an offer's promo code; ask an admin to activate the offer or the code" };
  }
  return null;
}

export type NewCodeStart = { status: "active" } | { status: "inactive"; pausedByOffer: true } | LifecycleProblem;

/**
 * The status a new code on an offer starts with: live on an active offer; on any other offer it is
 * paused by the offer (switched on when an admin activates it). Adding a code to a live offer changes
 * who can redeem it, so a marketer needs an admin for that (door 2); connectors issue codes by design.
 */
export function newOfferCodeStart(offer: OfferGate, caller: { canActivate: boolean; isConnector: boolean }): NewCodeStart {
  if (offer === "deleted") return { code: "conflict", message: "The offer was deleted; no code can be added to it" };
  if (offer !== "active") return { status: "inactive", pausedByOffer: true };
  if (caller.canActivate || caller.isConnector) return { status: "active" };
  return { code: "forbidden", message: "Adding a promo code to an active offer needs an admin; ask an admin to add it (drafts stay editable)" };
}
