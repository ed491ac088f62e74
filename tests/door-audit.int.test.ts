import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { TEST_PLATFORM_KEY } from "./support/http";
import { mcpErrorCode, must, offerDoorTenant, serveMcp } from "./support/offer-doors";

// Issue 10 door 8 (CONTRACT §6): every change to money, eligibility or access is audited with the
// caller (api_key_id, role, issuer) and before/after; GET /api/audit (admin only) lists the log with
// action/since/until filters and §0 pagination.

let t: TestDatabase;
let d: Awaited<ReturnType<typeof offerDoorTenant>>;
let mcp: Awaited<ReturnType<typeof serveMcp>>;
const clock = { now: new Date("2026-11-21T12:00:00Z") };

beforeAll(async () => {
  t = await createTestDatabase();
  d = await offerDoorTenant(t.database, clock);
  mcp = await serveMcp(t.database, clock);
});
// Each action at its own instant, so "newest first" is unambiguous on a test clock.
const tick = () => { clock.now = new Date(clock.now.getTime() + 1000); };
beforeEach(tick);
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

type Entry = { action: string; api_key_id: string | null; role: string | null; issuer_type: string | null; subject_id: string | null; details: any };

/** The newest audit entry of an action (admin read through the public route). */
async function latest(action: string): Promise<Entry> {
  const res = must(await d.call("GET", `/api/audit?action=${action}&limit=1`, { key: d.admin.key }), 200);
  tick();
  expect(res.body.total_count).toBeGreaterThan(0);
  return res.body.entries[0];
}

describe("door 8: GET /api/audit is for admins", () => {
  it("refuses marketers and connectors (REST and MCP) and reveals nothing", async () => {
    for (const key of [d.marketer.key, d.connector.key]) {
      const res = await d.call("GET", "/api/audit", { key });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const client = await mcp.connect(d.marketer.key);
    expect((await client.listTools()).tools.map((x) => x.name)).not.toContain("list_audit_log");
    expect(mcpErrorCode(await client.callTool({ name: "list_audit_log", arguments: {} }))).toMatch(/forbidden|not found/);
    await client.close();
    const admin = await mcp.connect(d.admin.key);
    const ok = await admin.callTool({ name: "list_audit_log", arguments: { limit: 5 } });
    expect(ok.isError).toBeFalsy();
    expect((ok.structuredContent as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    await admin.close();
  });

  it("validates its filters and paginates per §0", async () => {
    expect((await d.call("GET", "/api/audit?limit=101", { key: d.admin.key })).status).toBe(400);
    expect((await d.call("GET", "/api/audit?since=yesterday", { key: d.admin.key })).status).toBe(400);
    const all = must(await d.call("GET", "/api/audit?limit=100", { key: d.admin.key }), 200).body;
    expect(all).toMatchObject({ limit: 100, offset: 0 });
    const page = must(await d.call("GET", "/api/audit?limit=1&offset=1", { key: d.admin.key }), 200).body;
    expect(page.total_count).toBe(all.total_count);
    expect(page.entries[0].audit_id).toBe(all.entries[1].audit_id);
    const later = must(await d.call("GET", `/api/audit?since=${new Date(clock.now.getTime() + 1).toISOString()}`, { key: d.admin.key }), 200).body;
    expect(later.total_count).toBe(0);
    const window = must(await d.call("GET", "/api/audit?since=2026-11-21T00:00:00Z&until=2026-11-22T00:00:00Z", { key: d.admin.key }), 200).body;
    expect(window.total_count).toBe(all.total_count);
  });
});

describe("door 8: each money, eligibility and access change is audited with who and before/after", () => {
  it("API keys: create and revoke, by an admin and by the platform", async () => {
    const made = must(await d.call("POST", `/api/tenants/${d.tenantId}/api-keys`, { key: d.admin.key, body: { role: "marketer", label: "temp" } }), 201).body;
    const created = await latest("create_api_key");
    expect(created).toMatchObject({ api_key_id: d.admin.api_key_id, role: "admin", issuer_type: "human", subject_id: made.api_key_id });
    expect(created.details).toMatchObject({ before: null, after: { role: "marketer", label: "temp" } });
    expect(JSON.stringify(created.details)).not.toContain(made.key);
    must(await d.call("DELETE", `/api/api-keys/${made.api_key_id}`, { key: TEST_PLATFORM_KEY }), 204);
    const revoked = await latest("revoke_api_key");
    expect(revoked).toMatchObject({ api_key_id: null, role: "platform", issuer_type: "human", subject_id: made.api_key_id });
    expect(revoked.details.before.revoked_at).toBeNull();
    expect(revoked.details.after.revoked_at).toEqual(expect.any(String));
  });

  it("budget and policy changes keep the old and new values", async () => {
    must(await d.call("PUT", "/api/budget", { key: d.admin.key, body: { cap_cents: 7_000_000, period: "quarter" } }), 200);
    expect((await latest("set_budget")).details).toMatchObject({ before: { cap_cents: 10_000_000, period: "month" }, after: { cap_cents: 7_000_000, period: "quarter" } });
    const policy = { min_percent: 5, max_percent: 20, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true };
    must(await d.call("PUT", "/api/discount-policies/shopify", { key: d.admin.key, body: policy }), 200);
    const entry = await latest("set_discount_policy");
    expect(entry).toMatchObject({ role: "admin", api_key_id: d.admin.api_key_id });
    expect(entry.details).toMatchObject({ before: { max_percent: 25 }, after: { max_percent: 20 } });
  });

  it("offers: create, descriptive edits and status changes, with the marketer or admin who made them", async () => {
    const offer = await d.offer(d.marketer.key, { short_text: "Old title" });
    expect(await latest("create_offer")).toMatchObject({ role: "marketer", api_key_id: d.marketer.api_key_id, subject_id: offer.offer_id, details: { before: null } });
    must(await d.call("PUT", `/dashboard/offers/${offer.offer_id}`, { key: d.marketer.key, body: { short_text: "New title" } }), 200);
    expect((await latest("update_offer")).details).toMatchObject({ before: { short_text: "Old title" }, after: { short_text: "New title" } });
    must(await d.call("PUT", `/dashboard/offers/${offer.offer_id}/descriptives`, { key: d.marketer.key, body: { language_code: "en", long_text: "Details" } }), 200);
    expect((await latest("update_offer_descriptive")).details).toMatchObject({ before: { long_text: null }, after: { long_text: "Details" } });
    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/activate`, { key: d.admin.key }), 200);
    const activated = await latest("activate_offer");
    expect(activated).toMatchObject({ role: "admin", subject_id: offer.offer_id });
    expect(activated.details).toMatchObject({ before: { offer_status: "draft" }, after: { offer_status: "active" } });
    expect((await latest("activate_offer_code")).details).toMatchObject({ before: { status: "inactive" }, after: { status: "active" }, offer_id: offer.offer_id });
  });

  it("duplicates and bulk-created offers are audited like any created offer", async () => {
    const src = await d.offer(d.marketer.key);
    const copy = must(await d.call("POST", `/dashboard/offers/${src.offer_id}/duplicate`, { key: d.marketer.key }), 201).body;
    expect(await latest("duplicate_offer")).toMatchObject({ role: "marketer", subject_id: copy.offer_id, details: { before: null, source_offer_id: src.offer_id } });
    const bulk = must(await d.call("POST", "/dashboard/offers/bulk-create", {
      key: d.marketer.key, body: { offers: [{ offer_type: "percentage_discount", offer_value: 7, max_discount_unit: "%" }] },
    }), 201).body;
    expect(await latest("create_offer")).toMatchObject({ subject_id: bulk.offers[0].offer_id, details: { via: "bulk_create_offers", after: { offer_value: 7 } } });
  });

  it("redemption controls, campaigns, customer lists and codes", async () => {
    const offer = await d.offer(d.admin.key, { offer_status: "active" });
    // Redeem writes its audit row in the same statement as the ledger row; the role still shows.
    must(await d.redeem(offer.promo_codes[0].promo_code), 201);
    const redeemed = await latest("redeem_discount_code");
    expect(redeemed).toMatchObject({ role: "connector", issuer_type: "connector", api_key_id: d.connector.api_key_id });
    const control = must(await d.call("POST", "/dashboard/offers/redemption-controls", { key: d.admin.key, body: { offer_id: offer.offer_id, usage_limit: 3 } }), 201).body;
    expect((await latest("create_redemption_control")).details).toMatchObject({ before: null, after: { usage_limit: 3 }, offer_id: offer.offer_id });
    must(await d.call("PUT", `/dashboard/offers/redemption-controls/${control.control_id}`, { key: d.admin.key, body: { usage_limit: 9 } }), 200);
    expect((await latest("update_redemption_control")).details).toMatchObject({ before: { usage_limit: 3 }, after: { usage_limit: 9 } });
    must(await d.call("DELETE", `/dashboard/offers/redemption-controls/${control.control_id}`, { key: d.admin.key }), 204);
    expect((await latest("delete_redemption_control")).details).toMatchObject({ before: { usage_limit: 9 }, after: null });

    const campaign = must(await d.call("POST", "/dashboard/campaigns", { key: d.admin.key, body: { campaign_name: "Audited", budget_cents: 100 } }), 201).body;
    expect((await latest("create_campaign")).details).toMatchObject({ before: null, after: { budget_cents: 100 } });
    must(await d.call("PUT", `/dashboard/campaigns/${campaign.campaign_id}`, { key: d.admin.key, body: { budget_cents: 200 } }), 200);
    expect((await latest("update_campaign")).details).toMatchObject({ before: { budget_cents: 100 }, after: { budget_cents: 200 } });
    must(await d.call("POST", `/dashboard/campaigns/${campaign.campaign_id}/offers`, { key: d.admin.key, body: { offer_id: offer.offer_id } }), 201);
    expect((await latest("link_campaign_offer")).details).toMatchObject({ before: null, after: { offer_id: offer.offer_id } });
    must(await d.call("DELETE", `/dashboard/campaigns/${campaign.campaign_id}`, { key: d.admin.key }), 204);
    expect((await latest("delete_campaign")).details).toMatchObject({ before: { budget_cents: 200 }, after: null, unlinked_offer_ids: [offer.offer_id] });

    must(await d.call("POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, { key: d.admin.key, body: { customers: ["a@example.com", "b@example.com"] } }), 201);
    expect((await latest("upload_customer_list")).details).toMatchObject({ before: null, after: { accepted_count: 2, rejected_count: 0 }, offer_id: offer.offer_id });

    const code = offer.promo_codes[0];
    must(await d.call("PUT", `/dashboard/promo-codes/${code.code_id}`, { key: d.admin.key, body: { usage_limit: 40 } }), 200);
    expect((await latest("update_discount_code")).details).toMatchObject({ before: { usage_limit: null }, after: { usage_limit: 40 } });
    must(await d.call("DELETE", `/dashboard/promo-codes/${code.code_id}`, { key: d.admin.key }), 200);
    expect((await latest("deactivate_discount_code")).details).toMatchObject({ before: { status: "active" }, after: { status: "inactive" } });
  });
});
