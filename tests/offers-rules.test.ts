import { describe, expect, it } from "vitest";
import { offerIssues, promoCodeIssues } from "@/core/offers/consistency";
import { csvRows, judgeRows } from "@/core/offers/customer-rows";
import { isOfferTimestamp, parseOfferTimestamp } from "@/core/offers/dates";
import { checkStatusChange, effectiveStatus, initialStatus } from "@/core/offers/lifecycle";
import { savingsText, validityText } from "@/core/offers/preview";

const now = new Date("2026-11-21T12:00:00Z");
const d = (s: string) => new Date(s);

describe("lifecycle", () => {
  it("reads offers past their expiry as expired", () => {
    expect(effectiveStatus("active", d("2026-11-21T12:00:00Z"), now)).toBe("expired");
    expect(effectiveStatus("active", d("2026-11-21T12:00:01Z"), now)).toBe("active");
    expect(effectiveStatus("draft", null, now)).toBe("draft");
  });

  it("lets marketers create drafts only", () => {
    expect(initialStatus(undefined, false)).toEqual({ status: "draft" });
    expect(initialStatus("active", false)).toMatchObject({ code: "forbidden" });
    expect(initialStatus("active", true)).toEqual({ status: "active" });
  });

  const change = (over: Partial<Parameters<typeof checkStatusChange>[0]>) =>
    checkStatusChange({ storedFrom: "draft", storedTo: "draft", expiryFrom: null, expiryTo: null, canActivate: false, now, ...over });

  it("treats a status change by date like one by offer_status", () => {
    expect(change({ storedFrom: "draft", storedTo: "active" })?.code).toBe("forbidden");
    expect(change({ storedFrom: "draft", storedTo: "active", canActivate: true })).toBeNull();
    expect(change({ storedFrom: "active", storedTo: "active", expiryFrom: d("2026-11-01"), expiryTo: d("2027-01-01") })?.code).toBe("forbidden");
    expect(change({ storedFrom: "draft", storedTo: "draft", expiryFrom: d("2026-11-01"), expiryTo: d("2027-01-01") })).toBeNull();
    expect(change({ storedFrom: "active", storedTo: "draft", canActivate: true })?.code).toBe("conflict");
    expect(change({ storedFrom: "draft", storedTo: "active", requested: "active", expiryTo: d("2026-11-01"), canActivate: true })?.code).toBe("expired");
  });
});

describe("dates and consistency", () => {
  it("accepts zoned timestamps and calendar dates only", () => {
    expect(isOfferTimestamp("2026-12-01T00:00:00Z")).toBe(true);
    expect(isOfferTimestamp("2026-12-01T00:00:00+02:00")).toBe(true);
    expect(isOfferTimestamp("2026-12-01")).toBe(true);
    expect(isOfferTimestamp("2026-02-30")).toBe(false);
    expect(isOfferTimestamp("2026-12-01T00:00:00")).toBe(false);
    expect(parseOfferTimestamp("2026-12-31", "end").toISOString()).toBe("2026-12-31T23:59:59.999Z");
  });

  it("flags inverted windows, percentages over 100 and incomplete promo code requests", () => {
    expect(offerIssues({ version_active_from: "2026-12-31", offer_expiry_date: "2026-12-01" })[0].field).toBe("offer_expiry_date");
    expect(offerIssues({ offer_type: "percentage_discount", offer_value: 120 })[0].field).toBe("offer_value");
    expect(offerIssues({ offer_type: "fixed_discount", offer_value: 120 })).toEqual([]);
    expect(promoCodeIssues({ offer_type: "bogo", promo_code: "X", offer_redemption_methods: ["promo_code"], surface: "hub" }).map((i) => i.field))
      .toEqual(["offer_value"]);
    expect(promoCodeIssues({ offer_type: "loyalty_stamp", promo_code: "X", offer_redemption_methods: ["promo_code"], surface: "hub" }).map((i) => i.field))
      .toEqual(["max_discount_unit", "offer_value"]);
    expect(promoCodeIssues({ offer_type: "free_shipping", promo_code: "X", offer_redemption_methods: ["promo_code"], surface: "hub" })).toEqual([]);
  });
});

describe("preview text", () => {
  it("prints savings from copy first, then from terms", () => {
    const base = { savings_amount: null, savings_type: null, offer_type: "percentage_discount", offer_value: 20, max_discount_unit: "%", currency: "USD" };
    expect(savingsText(base)).toBe("20% off");
    expect(savingsText({ ...base, savings_amount: 12.5, savings_type: "amount" })).toBe("$12.50 off");
    expect(savingsText({ ...base, offer_type: "fixed_discount", max_discount_unit: "$", offer_value: 10 })).toBe("$10 off");
    expect(savingsText({ ...base, offer_type: "free_shipping", offer_value: null })).toBe("Free shipping");
    expect(savingsText({ ...base, offer_value: null })).toBeNull();
  });

  it("prints validity windows", () => {
    expect(validityText(d("2026-12-01T00:00:00Z"), d("2026-12-31T23:59:59Z"))).toBe("Valid Dec 1 – Dec 31, 2026");
    expect(validityText(d("2026-12-01T00:00:00Z"), d("2027-01-31T00:00:00Z"))).toBe("Valid Dec 1, 2026 – Jan 31, 2027");
    expect(validityText(null, d("2026-12-31T00:00:00Z"))).toBe("Valid until Dec 31, 2026");
    expect(validityText(null, null)).toBe("No expiry");
  });
});

describe("customer rows", () => {
  it("reads the named column of a CSV with a header, else the first column", () => {
    expect(csvRows("email,name\nA@x.co,Ann\n\nb@x.co,Bo\n")).toEqual([{ row: 2, value: "A@x.co" }, { row: 4, value: "b@x.co" }]);
    expect(csvRows("a@x.co\n+1 555 123 4567\n")).toEqual([{ row: 1, value: "a@x.co" }, { row: 2, value: "+1 555 123 4567" }]);
  });

  it("accepts each customer once and explains every rejection", () => {
    const v = judgeRows([{ row: 1, value: "A@x.co" }, { row: 2, value: "a@x.co" }, { row: 3, value: "two words" }, { row: 4, value: null }]);
    expect(v.accepted).toEqual([{ row: 1, customer_key: "a@x.co", kind: "email" }]);
    expect(v.duplicates).toEqual([{ row: 2, duplicate_of: 1 }]);
    expect(v.rejected.map((r) => r.reason)).toEqual(["user ids may not contain spaces", "expected a string (email, phone or user id)"]);
  });
});
