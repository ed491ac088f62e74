import type { LifecycleProblem, OfferGate } from "./lifecycle";

// Who may change what on a live offer (issue 10, CONTRACT §6). Door 1: who may switch an offer's promo
// codes on, and what status a new code on an offer starts with. Door 2: on an active offer, or a
// campaign that has a budget, changes that move money or eligibility need an admin; drafts stay freely
// editable. Pure; the tools load the offer and the caller's rights.

/** The kinds of change the rule covers, with the words a refusal uses for each. */
export const GUARDED_CHANGES = {
  redemption_controls: "the redemption controls",
  campaign_link: "the campaign links",
  campaign_budget: "the campaign budget",
  customer_list: "the customer lists",
  offer_dates: "the dates",
  offer_terms: "the discount terms, limits or budget",
  code: "the promo codes' limits, terms or status",
} as const;
export type GuardedChange = keyof typeof GUARDED_CHANGES;

export type GuardFacts = {
  /** The offers concerned, as their codes see them (empty: a campaign-only change). */
  offers?: (OfferGate | null)[];
  /** The campaign concerned has budget_cents. */
  campaignBudgeted?: boolean;
  /** The caller may activate offers (an admin). */
  canActivate: boolean;
};

/**
 * null when the change may go ahead; else the 403 whose message says an admin must do it. A budgeted
 * campaign binds unless every offer concerned is still a draft (drafts stay editable; an admin
 * approves them before they spend).
 */
export function guardLiveChange(change: GuardedChange, f: GuardFacts): LifecycleProblem | null {
  if (f.canActivate) return null;
  const offers = f.offers ?? [];
  const live = offers.some((g) => g === "active");
  const draftsOnly = offers.length > 0 && offers.every((g) => g === "draft");
  if (!live && !(f.campaignBudgeted && !draftsOnly)) return null;
  const subject = live ? "an active offer" : "a campaign with a budget";
  return {
    code: "forbidden",
    message: `Changing ${GUARDED_CHANGES[change]} of ${subject} needs an admin: `
      + "ask an admin to make this change (drafts stay editable)",
  };
}

/** Offer fields whose change on a live offer moves money, eligibility or its window. */
const DATE_FIELDS = ["version_active_from", "offer_expiry_date", "start_date", "end_date"] as const;
const TERM_FIELDS = [
  "offer_value", "max_discount_unit", "offer_type", "minimum_spend_cents", "total_budget_cents",
  "usage_limit_per_customer", "total_usage_limit", "classification", "program_id", "target_audience",
] as const;

/** Which guarded kind of change an offer update makes (dates first), or null when it changes neither. */
export function offerChangeKind(changed: string[]): GuardedChange | null {
  if (changed.some((k) => (DATE_FIELDS as readonly string[]).includes(k))) return "offer_dates";
  if (changed.some((k) => (TERM_FIELDS as readonly string[]).includes(k))) return "offer_terms";
  return null;
}

/**
 * Whether a caller may set an offer's code to active. A deleted offer's code never comes back; only a
 * role that may activate offers may switch a code on (it would otherwise put an unapproved offer live).
 */
export function checkCodeActivation(offer: OfferGate, canActivate: boolean): LifecycleProblem | null {
  if (offer === "deleted") {
    return { code: "conflict", message: "The code's offer was deleted; its codes can never be switched on again" };
  }
  if (!canActivate) {
    return {
      code: "forbidden",
      message: "Only an admin may switch on an offer's promo code; ask an admin to activate the offer or the code",
    };
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
  return {
    code: "forbidden",
    message: "Adding a promo code to an active offer needs an admin; ask an admin to add it (drafts stay editable)",
  };
}
