import { describe, expect, it } from "vitest";
import { checkCodeState } from "@/core/governance/code-state";
import { offerGate, offerLetsCodesRedeem } from "@/core/offers/lifecycle";
import { checkCodeActivation, guardLiveChange, newOfferCodeStart, offerChangeKind } from "@/core/offers/live-guard";

// The pure rules behind issue 10 doors 1 and 2 (CONTRACT §6), without a database.

const now = new Date("2026-11-21T12:00:00Z");
const code = {
  promo_code: "X10", surface: "shopify", discount_type: "percentage" as const, value: 10, status: "active" as const,
  starts_at: null, expires_at: null, usage_limit: null, per_customer_limit: null, minimum_order_cents: null, redemption_count: 0,
};

describe("offerGate: the offer as its codes see it", () => {
  it("applies expiry and deletion to the stored status", () => {
    expect(offerGate("active", null, false, now)).toBe("active");
    expect(offerGate("active", new Date("2026-11-21T11:59:59Z"), false, now)).toBe("expired");
    expect(offerGate("active", null, true, now)).toBe("deleted");
    expect(offerGate("draft", null, false, now)).toBe("draft");
  });

  it("lets codes redeem only while active (a code with no offer is unaffected)", () => {
    expect(offerLetsCodesRedeem("active")).toBe(true);
    expect(offerLetsCodesRedeem(null)).toBe(true);
    for (const s of ["draft", "inactive", "expired", "deleted"] as const) expect(offerLetsCodesRedeem(s)).toBe(false);
  });

  it("checkCodeState refuses an active code of a non-active offer with inactive, naming the offer's status", () => {
    expect(checkCodeState({ ...code, offer_status: "draft" }, "shopify", now)).toEqual([
      { code: "inactive", message: "X10 belongs to an offer that is draft, not active" },
    ]);
    expect(checkCodeState({ ...code, offer_status: "active" }, "shopify", now)).toEqual([]);
    expect(checkCodeState({ ...code, status: "inactive", offer_status: "draft" }, "shopify", now).map((r) => r.code)).toEqual(["inactive"]);
  });
});

describe("who may switch an offer's code on (door 1)", () => {
  it("only a role that may activate offers, and never for a deleted offer", () => {
    expect(checkCodeActivation("draft", true)).toBeNull();
    expect(checkCodeActivation("draft", false)?.code).toBe("forbidden");
    expect(checkCodeActivation("active", false)?.code).toBe("forbidden");
    expect(checkCodeActivation("deleted", true)?.code).toBe("conflict");
  });

  it("new codes on a non-active offer start paused; on a live offer a marketer needs an admin", () => {
    const marketer = { canActivate: false, isConnector: false };
    expect(newOfferCodeStart("draft", marketer)).toEqual({ status: "inactive", pausedByOffer: true });
    expect(newOfferCodeStart("inactive", { canActivate: true, isConnector: false })).toEqual({ status: "inactive", pausedByOffer: true });
    expect(newOfferCodeStart("active", { canActivate: false, isConnector: true })).toEqual({ status: "active" });
    expect(newOfferCodeStart("active", marketer)).toMatchObject({ code: "forbidden" });
    expect(newOfferCodeStart("deleted", marketer)).toMatchObject({ code: "conflict" });
  });
});

describe("live changes need an admin (door 2)", () => {
  it("refuses a marketer on an active offer with a sentence naming an admin", () => {
    const p = guardLiveChange("redemption_controls", { offers: ["active"], canActivate: false });
    expect(p?.code).toBe("forbidden");
    expect(p?.message).toBe("Changing the redemption controls of an active offer needs an admin: ask an admin to make this change (drafts stay editable)");
  });

  it("lets admins through, and drafts stay editable unless the offer is live", () => {
    expect(guardLiveChange("offer_dates", { offers: ["active"], canActivate: true })).toBeNull();
    expect(guardLiveChange("offer_dates", { offers: ["draft"], canActivate: false })).toBeNull();
    expect(guardLiveChange("customer_list", { offers: ["inactive"], canActivate: false })).toBeNull();
  });

  it("a budgeted campaign binds unless every offer concerned is a draft", () => {
    expect(guardLiveChange("campaign_link", { offers: [], campaignBudgeted: true, canActivate: false })?.message).toMatch(/campaign with a budget/);
    expect(guardLiveChange("campaign_link", { offers: ["inactive"], campaignBudgeted: true, canActivate: false })?.code).toBe("forbidden");
    expect(guardLiveChange("campaign_link", { offers: ["draft"], campaignBudgeted: true, canActivate: false })).toBeNull();
  });

  it("classifies offer edits: dates first, then terms; copy is neither", () => {
    expect(offerChangeKind(["short_text", "offer_expiry_date", "offer_value"])).toBe("offer_dates");
    expect(offerChangeKind(["total_usage_limit"])).toBe("offer_terms");
    expect(offerChangeKind(["short_text", "long_text", "image_url"])).toBeNull();
  });
});
