import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";

// CONTRACT §9 and issue 16: submit → approve (activation runs every check) or reject with a reason; the
// timeline (admins and the creating marketer only); health on every read; impact of a policy change.

let t: TestDatabase;
let g: GovernedTenant;
const clock = testClock();
/** Every request a second later, so the timeline's order is the order of the calls. */
const call: GovernedTenant["call"] = (...args) => { clock.advance(1); return g.call(...args); };

beforeAll(async () => {
  t = await createTestDatabase();
  g = await governedTenant(t.database, clock, { capCents: 25_000_000 });
});
afterAll(() => t?.cleanup());

const draftBody = (value: number, code: string) => ({
  offer_type: "percentage_discount", offer_value: value, max_discount_unit: "%", surface: "shopify", promo_code: code,
  offer_redemption_methods: ["promo_code"], short_text: `${value}% off sneakers`, total_budget_cents: 100_000,
  start_date: "2026-11-21", end_date: "2026-11-30",
});

async function marketerDraft(value: number, code: string) {
  const res = await call("POST", "/dashboard/offers", { key: g.marketer.key, body: draftBody(value, code) });
  expect(res.status).toBe(201);
  return res.body as { offer_id: string; health: string };
}

describe("approval loop", () => {
  it("submit → queue → reject with a reason the marketer reads → resubmit → approve", async () => {
    const offer = await marketerDraft(20, "LOOP20");
    expect(offer.health).toBe("draft");
    expect((await call("POST", `/dashboard/offers/${offer.offer_id}/submit`, { key: g.marketer.key, body: { note: "for BF" } })).status).toBe(200);
    const queue = await call("GET", "/dashboard/offers/approvals", { key: g.admin.key });
    expect(queue.body.offers.map((o: { offer_id: string }) => o.offer_id)).toContain(offer.offer_id);
    expect((await call("GET", "/dashboard/offers/approvals", { key: g.marketer.key })).status).toBe(403);

    expect((await call("POST", `/dashboard/offers/${offer.offer_id}/reject`, { key: g.marketer.key, body: { reason: "no" } })).status).toBe(403);
    expect((await call("POST", `/dashboard/offers/${offer.offer_id}/reject`, { key: g.admin.key, body: {} })).status).toBe(400);
    const rej = await call("POST", `/dashboard/offers/${offer.offer_id}/reject`, { key: g.admin.key, body: { reason: "Budget too high for November" } });
    expect(rej.status).toBe(200);
    expect(rej.body.offer_status).toBe("draft");

    const tl = await call("GET", `/dashboard/offers/${offer.offer_id}/timeline`, { key: g.marketer.key });
    expect(tl.status).toBe(200);
    expect(tl.body.review_state).toBe("rejected");
    expect(tl.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["create_offer", "submit_offer", "reject_offer"]));
    const reject = tl.body.events.find((e: { action: string }) => e.action === "reject_offer");
    expect(reject.details.reason).toBe("Budget too high for November");
    expect((await call("GET", "/dashboard/offers/approvals", { key: g.admin.key })).body.offers.map((o: { offer_id: string }) => o.offer_id)).not.toContain(offer.offer_id);

    await call("POST", `/dashboard/offers/${offer.offer_id}/submit`, { key: g.marketer.key, body: {} });
    const approved = await call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: g.admin.key });
    expect(approved.status).toBe(200);
    expect(approved.body.health).toBe("live");
    const after = await call("GET", `/dashboard/offers/${offer.offer_id}/timeline`, { key: g.admin.key });
    expect(after.body.events.map((e: { action: string }) => e.action)).toContain("activate_offer");
    expect(after.body.events.map((e: { at: string }) => e.at)).toEqual([...after.body.events.map((e: { at: string }) => e.at)].sort());
  });

  it("hides the timeline from a marketer who did not create the offer", async () => {
    const res = await call("POST", "/dashboard/offers", { key: g.admin.key, body: draftBody(10, "ADMIN10") });
    expect((await call("GET", `/dashboard/offers/${res.body.offer_id}/timeline`, { key: g.marketer.key })).status).toBe(404);
    expect((await call("GET", `/dashboard/offers/${res.body.offer_id}/timeline`, { key: g.admin.key })).status).toBe(200);
  });
});

describe("activation runs every check at that moment", () => {
  it("refuses a draft whose code the policy no longer allows, with the §2.4 code and reasons", async () => {
    const offer = await marketerDraft(20, "HUB20");
    await call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: { min_percent: 5, max_percent: 10, kpi_floors: [{ kpi: "profit", floor: 0 }], enabled: true } });
    try {
      const res = await call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: g.admin.key });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("policy_violation");
      expect(res.body.error.details.reasons[0].message).toContain("at most 10%");
      const put = await call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: g.admin.key, body: { offer_status: "active" } });
      expect(put.status).toBe(422);
      const checks = await call("GET", `/dashboard/offers/${offer.offer_id}/checks`, { key: g.marketer.key });
      expect(checks.body.checks.find((c: { id: string }) => c.id === "policy").state).toBe("fail");
    } finally {
      await call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: { min_percent: 5, max_percent: 25, kpi_floors: [{ kpi: "profit", floor: 0 }], enabled: true } });
    }
  });

  it("records a refused activation on the timeline while nothing else moves", async () => {
    const offer = await marketerDraft(20, "TRY20");
    const admin = { key: g.admin.key };
    const url = `/dashboard/offers/${offer.offer_id}`;
    const codes = () => call("GET", `/dashboard/promo-codes?offer_id=${offer.offer_id}`, admin);
    const maxPercent = (max: number) => call("PUT", "/api/discount-policies/shopify", {
      ...admin, body: { min_percent: 5, max_percent: max, kpi_floors: [{ kpi: "profit", floor: 0 }], enabled: true },
    });
    const codesBefore = (await codes()).body.promo_codes;
    await maxPercent(10);
    try {
      expect((await call("POST", `${url}/activate`, admin)).status).toBe(422);
      expect((await call("PUT", url, { ...admin, body: { offer_status: "active" } })).status).toBe(422);
    } finally {
      await maxPercent(25);
    }
    const tl = await call("GET", `/dashboard/offers/${offer.offer_id}/timeline`, { key: g.marketer.key });
    type Reasons = { code: string; message: string }[];
    type Event = { action: string; actor: string; details: { summary: string; reasons?: Reasons } };
    const refused = (tl.body.events as Event[]).filter((e) => e.action === "activation_refused");
    expect(refused).toHaveLength(2);
    expect(refused[0].actor).toContain("admin");
    expect(refused[0].details.summary).toContain("Activation refused");
    expect(refused[0].details.summary).toContain("at most 10%");
    expect(refused[0].details.reasons?.[0].code).toBe("policy_violation");
    expect(tl.body.review_state).toBeNull();
    expect((tl.body.events as Event[]).map((e) => e.action)).not.toContain("activate_offer");
    expect((await call("GET", url, admin)).body.offer_status).toBe("draft");
    expect((await codes()).body.promo_codes).toEqual(codesBefore);
    expect(codesBefore.length).toBe(1);
  });

  it("refuses a promo-code offer with no code (a duplicate)", async () => {
    const offer = await marketerDraft(15, "DUP15");
    const copy = await call("POST", `/dashboard/offers/${offer.offer_id}/duplicate`, { key: g.marketer.key });
    expect(copy.status).toBe(201);
    const res = await call("POST", `/dashboard/offers/${copy.body.offer_id}/activate`, { key: g.admin.key });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("inactive");
  });
});

describe("impact before a policy change, health after it", () => {
  it("names the live offer a lower max would block, which then reads blocked_by_policy", async () => {
    const res = await call("POST", "/dashboard/offers", { key: g.admin.key, body: { ...draftBody(25, "LIVE25"), offer_status: "active" } });
    expect(res.status).toBe(201);
    expect(res.body.health).toBe("live");
    const body = { min_percent: 5, max_percent: 20, kpi_floors: [{ kpi: "profit", floor: 0 }], enabled: true };
    const impact = await call("POST", "/api/discount-policies/shopify/impact", { key: g.admin.key, body });
    expect(impact.status).toBe(200);
    expect(impact.body.offers).toEqual(expect.arrayContaining([expect.objectContaining({ offer_id: res.body.offer_id, health_after: "blocked_by_policy", title: "25% off sneakers" })]));
    await call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body });
    try {
      expect((await call("GET", `/dashboard/offers/${res.body.offer_id}`, { key: g.admin.key })).body.health).toBe("blocked_by_policy");
      const list = await call("GET", "/dashboard/offers?limit=100", { key: g.marketer.key });
      expect(list.body.offers.find((o: { offer_id: string }) => o.offer_id === res.body.offer_id).health).toBe("blocked_by_policy");
      const tl = await call("GET", `/dashboard/offers/${res.body.offer_id}/timeline`, { key: g.admin.key });
      expect(tl.body.events).toContainEqual(expect.objectContaining({ action: "set_discount_policy", details: { summary: "shopify policy changed: 5–25% → 5–20%" } }));
    } finally {
      await call("PUT", "/api/discount-policies/shopify", { key: g.admin.key, body: { ...body, max_percent: 25 } });
    }
  });

  it("evaluates an unsaved draft with the same checks (form re-check)", async () => {
    const res = await call("POST", "/dashboard/offers/checks", {
      key: g.marketer.key,
      body: {
        offer_type: "fixed_discount", offer_value: 500, max_discount_unit: "$", surface: "shopify", minimum_spend_cents: 10_000, total_budget_cents: null,
        start_date: "2026-12-20", end_date: "2026-12-10", classification: "open_loop", target_audience: [], copy: "For new customers",
        usage_limit_per_customer: null, redemption_method: "promo_code", promo_code: null,
      },
    });
    expect(res.status).toBe(200);
    const state = Object.fromEntries(res.body.checks.map((c: { id: string; state: string }) => [c.id, c.state]));
    expect(state).toMatchObject({ policy: "fail", budget: "question", dates: "question", audience: "warn" });
  });
});
