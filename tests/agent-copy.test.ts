import { describe, expect, it } from "vitest";
import { refreshAutoCopy } from "@/agent/copy-refresh";
import { mergeDraft } from "@/agent/nodes/offer-creation";
import { planOffline } from "@/agent/planner";
import { emptyDraft } from "@/agent/draft";

const brief = "20% off all equipment for our dealers, code DEALER20, limit 1 per customer, Dec 1–31, budget 50000";
const base = planOffline(brief, { today: "2026-11-21" }).draft;

describe("copy follows the fields it was written from", () => {
  it("rewrites system-written terms and title when a form edit changes their fields", () => {
    expect(base.terms).toContain("Limit 1 per customer");
    const edited = refreshAutoCopy(base, { ...base, usageLimitPerCustomer: 2, offerValue: 15 });
    expect(edited.terms).toContain("Limit 2 per customer");
    expect(edited.terms).not.toContain("Limit 1 per customer");
    expect(edited.title).toMatch(/15%/);
  });

  it("keeps copy a person typed, even when the fields change", () => {
    const typed = { ...base, title: "Dealer appreciation month", usageLimitPerCustomer: 2 };
    const edited = refreshAutoCopy(base, typed);
    expect(edited.title).toBe("Dealer appreciation month");
    expect(edited.terms).toContain("Limit 2 per customer");
  });

  it("an LLM-style extraction without copy still refreshes the draft's system copy", () => {
    const extracted = { ...emptyDraft(), offerValue: 15 };
    const merged = mergeDraft(base, extracted);
    expect(merged.offerValue).toBe(15);
    expect(merged.title).toMatch(/15%/);
    expect(merged.description).toMatch(/15%/);
  });
});
