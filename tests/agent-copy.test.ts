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

describe("customer copy names no surface and keeps the campaign's words", () => {
  const plan = (b: string) => planOffline(b, { today: "2026-11-21" }).draft;
  const copyOf = (d: ReturnType<typeof plan>) => [d.title, d.description, d.terms].join(" ");

  it("leaves surface names out of title, description and terms", () => {
    for (const b of ["25% off sneakers on shopify", "20% off hoodies in the marketplace, code HOOD20",
      "15% off all equipment for dealers on the hub", "$10 off orders over $50 on wix", "20% off shopify gift cards"]) {
      const d = plan(b);
      expect(d.title).not.toBeNull();
      expect(copyOf(d)).not.toMatch(/shopify|wix|marketplace|\bhub\b/i);
    }
    expect(plan("25% off sneakers on shopify").title).toBe("25% Off Sneakers");
  });

  it("keeps a promo code that contains a surface word", () => {
    const d = plan("20% off tees on the hub, code HUB20");
    expect(d.description).toContain("code HUB20");
    expect(d.terms).toContain("Enter code HUB20");
  });

  it("titles keep the occasion and the product the brief named", () => {
    const d = plan("Black Friday 25% off tees on Shopify, code BF25, Nov 27-30, budget 5000");
    expect(d.title).toBe("Black Friday: 25% Off Tees");
    expect(d.objective).toBe("Black Friday");
    const summer = plan("Summer sale: 15% off all equipment for dealers");
    expect(summer.title).toBe("Summer Sale: 15% Off All Equipment for Dealers");
  });

  it("keeps a stated goal and does not invent an occasion", () => {
    const d = plan("Increase Q4 dealer sales by 20% with 10% off all equipment for dealers");
    expect(d.objective).not.toMatch(/black friday/i);
    expect(d.title).toBe("10% Off All Equipment for Dealers");
    const previous = plan("Black Friday 25% off tees");
    const edited = planOffline("make it 15%", { today: "2026-11-21", previous }).draft;
    expect(edited.title).toBe("Black Friday: 15% Off Tees");
  });
});
