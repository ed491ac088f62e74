import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { mcpErrorCode, must, offerDoorTenant, serveMcp } from "./support/offer-doors";

// Issue 10 door 1 (CONTRACT §6): a code attached to an offer redeems, and validates as valid, only
// while the offer is active; only an admin switches an offer's code on; re-activating an offer
// restores only the codes it paused; a deleted offer's code never comes back. Each refusal also
// proves nothing moved: ledger, spend, counters and code status.

let t: TestDatabase;
let d: Awaited<ReturnType<typeof offerDoorTenant>>;
let mcp: Awaited<ReturnType<typeof serveMcp>>;
const clock = { now: new Date("2026-11-21T12:00:00Z") };

beforeAll(async () => {
  t = await createTestDatabase();
  d = await offerDoorTenant(t.database, clock);
  mcp = await serveMcp(t.database, clock);
});
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

describe("door 1: an unapproved offer's code cannot go live", () => {
  it("a marketer cannot switch on a draft's code (REST or MCP); it neither validates nor redeems", async () => {
    const offer = await d.offer(d.marketer.key);
    const [code] = offer.promo_codes;
    expect(code.status).toBe("inactive");
    const before = await d.moneyState();
    const put = await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.marketer.key, body: { status: "active" } });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe("forbidden");
    expect(put.body.error.message).toMatch(/admin/);
    const client = await mcp.connect(d.marketer.key);
    const viaMcp = await client.callTool({ name: "update_discount_code", arguments: { code_id: code.code_id, status: "active" } });
    expect(mcpErrorCode(viaMcp)).toBe("forbidden");
    await client.close();
    const validated = must(await d.validate(code.promo_code), 200);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.reasons[0].code).toBe("inactive");
    const redeemed = await d.redeem(code.promo_code);
    expect(redeemed.status).toBe(422);
    expect(redeemed.body.error.code).toBe("inactive");
    expect(await d.moneyState()).toEqual(before);
  });

  it("a code a marketer or connector adds to a draft starts paused and does not redeem", async () => {
    const offer = await d.offer(d.marketer.key);
    for (const key of [d.marketer.key, d.connector.key]) {
      const made = must(await d.call("POST", "/dashboard/promo-codes", {
        key, body: { surface: "shopify", discount_type: "percentage", value: 10, offer_id: offer.offer_id },
      }), 201);
      expect(made.body.status).toBe("inactive");
      const before = await d.moneyState();
      expect((await d.redeem(made.body.promo_code)).body.error.code).toBe("inactive");
      expect(await d.moneyState()).toEqual(before);
    }
  });

  it("even an admin-switched-on code of a draft offer is refused with inactive until the offer is active", async () => {
    const offer = await d.offer(d.marketer.key);
    const [code] = offer.promo_codes;
    must(await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.admin.key, body: { status: "active" } }), 200);
    const before = await d.moneyState();
    const validated = must(await d.validate(code.promo_code), 200);
    expect(validated.body).toMatchObject({ valid: false, reasons: [{ code: "inactive" }] });
    expect((await d.redeem(code.promo_code)).body.error.code).toBe("inactive");
    expect(await d.moneyState()).toEqual(before);
    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: d.admin.key }), 200);
    expect(must(await d.validate(code.promo_code), 200).body.valid).toBe(true);
    expect((await d.redeem(code.promo_code)).status).toBe(201);
  });

  it("re-activating an offer restores the codes it paused, never one an admin deactivated", async () => {
    const offer = await d.offer(d.admin.key, { offer_status: "active" });
    const [kept] = offer.promo_codes;
    const extra = must(await d.call("POST", "/dashboard/promo-codes", {
      key: d.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 12, offer_id: offer.offer_id },
    }), 201).body;
    expect(extra.status).toBe("active");
    must(await d.call("DELETE", `/dashboard/promo-codes/${extra.code_id}`, { key: d.admin.key }), 200);
    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/deactivate`, { key: d.admin.key }), 200);
    expect(await d.codeStatus(kept.code_id)).toBe("inactive");
    expect((await d.redeem(kept.promo_code)).body.error.code).toBe("inactive");
    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: d.admin.key }), 200);
    expect(await d.codeStatus(kept.code_id)).toBe("active");
    expect(await d.codeStatus(extra.code_id)).toBe("inactive");
    expect((await d.redeem(kept.promo_code)).status).toBe(201);
    expect((await d.redeem(extra.promo_code)).body.error.code).toBe("inactive");
  });

  it("a marketer cannot re-enable a code an admin deactivated on a live offer", async () => {
    const offer = await d.offer(d.admin.key, { offer_status: "active" });
    const [code] = offer.promo_codes;
    must(await d.call("DELETE", `/dashboard/promo-codes/${code.code_id}`, { key: d.admin.key }), 200);
    const before = await d.moneyState();
    const put = await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.marketer.key, body: { status: "active" } });
    expect(put.status).toBe(403);
    expect(await d.moneyState()).toEqual(before);
  });

  it("a deleted offer's code can never be switched on again, not even by an admin", async () => {
    const offer = await d.offer(d.admin.key, { offer_status: "active" });
    const [code] = offer.promo_codes;
    must(await d.call("DELETE", `/dashboard/offers/${offer.offer_id}`, { key: d.admin.key }), 204);
    const before = await d.moneyState();
    for (const key of [d.admin.key, d.marketer.key]) {
      const put = await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key, body: { status: "active" } });
      expect(put.status).toBe(409);
      expect(put.body.error.message).toMatch(/deleted/);
    }
    expect(await d.codeStatus(code.code_id)).toBe("inactive");
    expect((await d.redeem(code.promo_code)).body.error.code).toBe("inactive");
    const add = await d.call("POST", "/dashboard/promo-codes", {
      key: d.admin.key, body: { surface: "shopify", discount_type: "percentage", value: 10, offer_id: offer.offer_id },
    });
    expect(add.status).toBe(404);
    expect(await d.moneyState()).toEqual(before);
  });

  it("an offer past its expiry refuses its code with inactive, whatever the code's own status", async () => {
    const offer = await d.offer(d.admin.key, { offer_status: "active", offer_expiry_date: "2026-11-30" });
    const [code] = offer.promo_codes;
    expect((await d.redeem(code.promo_code)).status).toBe(201);
    const saved = clock.now;
    clock.now = new Date("2026-12-01T00:00:01Z");
    try {
      const before = await d.moneyState();
      const refused = await d.redeem(code.promo_code);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("inactive");
      expect(await d.moneyState()).toEqual(before);
    } finally {
      clock.now = saved;
    }
  });
});
