import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { makeTenant } from "./support/fixtures";
import { expectStatus, type GovernedTenant, governedTenant, testClock } from "./support/governed-tenant";
import { apiClient, TEST_PLATFORM_KEY } from "./support/http";

// The platform's Headroom Monitor (GET /api/tenants/budgets, tool list_tenant_budgets): per tenant it shows
// exactly what GET /api/budget shows that tenant's admin, it is platform-only, and it pages like every list.

type Row = { tenant_id: string; name: string; currency: string; cap_cents: number | null; spent_cents: number | null; headroom_cents: number | null; period: string | null; period_start: string | null };

let t: TestDatabase;
const clock = testClock();
let monthly: GovernedTenant;
let quarterly: GovernedTenant;
let unbudgetedId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  monthly = await governedTenant(t.database, clock, { capCents: 50_000, period: "month" });
  quarterly = await governedTenant(t.database, clock, { capCents: 2_000_000, period: "quarter" });
  unbudgetedId = (await makeTenant(t.database, { name: "Aardvark Without Budget", currency: "EUR" })).tenant_id;
  // Spend on both: three redemptions of 10% on 100.00, one of them voided, and one on the quarterly tenant.
  const code = await monthly.createCode({ value: 10 });
  const redeemed = [];
  for (let i = 0; i < 3; i++) {
    const r = await monthly.redeem({ promo_code: code.promo_code });
    expectStatus(r, 201);
    redeemed.push(r.body.redemption_id as string);
  }
  expectStatus(await monthly.call("POST", `/dashboard/redemptions/${redeemed[1]}/void`, { key: monthly.connector.key }), 201);
  const qCode = await quarterly.createCode({ value: 20 });
  expectStatus(await quarterly.redeem({ promo_code: qCode.promo_code, order_total_cents: 25_000 }), 201);
});
afterAll(() => t?.cleanup());

async function allRows(limit = 100): Promise<{ rows: Row[]; total: number }> {
  const call = apiClient(t.database, { now: () => clock.now });
  const rows: Row[] = [];
  let total = 0;
  for (let offset = 0; ; offset += limit) {
    const res = await call("GET", `/api/tenants/budgets?limit=${limit}&offset=${offset}`, { key: TEST_PLATFORM_KEY });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ limit, offset });
    total = res.body.total_count;
    rows.push(...res.body.tenant_budgets);
    if (res.body.tenant_budgets.length < limit) break;
  }
  return { rows, total };
}

describe("GET /api/tenants/budgets", () => {
  it("gives each tenant the same numbers GET /api/budget gives its admin, after redemptions and a void", async () => {
    const { rows } = await allRows();
    for (const g of [monthly, quarterly]) {
      const own = await g.budget();
      const row = rows.find((r) => r.tenant_id === g.tenantId);
      expect(row, g.tenantId).toBeDefined();
      expect(row).toMatchObject({ ...own, currency: "USD" });
    }
    expect(rows.find((r) => r.tenant_id === monthly.tenantId)).toMatchObject({ cap_cents: 50_000, spent_cents: 2_000, headroom_cents: 48_000, period: "month", period_start: "2026-11-01" });
    expect(rows.find((r) => r.tenant_id === quarterly.tenantId)).toMatchObject({ spent_cents: 5_000, period: "quarter", period_start: "2026-10-01" });
  });

  it("lists a tenant without a budget with empty budget fields, and follows the clock into the next period", async () => {
    const { rows } = await allRows();
    expect(rows.find((r) => r.tenant_id === unbudgetedId)).toEqual({
      tenant_id: unbudgetedId, name: "Aardvark Without Budget", currency: "EUR",
      cap_cents: null, period: null, period_start: null, spent_cents: null, headroom_cents: null,
    });
    clock.set("2026-12-02T09:00:00Z");
    try {
      const next = (await allRows()).rows.find((r) => r.tenant_id === monthly.tenantId);
      expect(next).toMatchObject({ ...(await monthly.budget()), spent_cents: 0, headroom_cents: 50_000, period_start: "2026-12-01" });
    } finally {
      clock.set("2026-11-21T12:00:00Z");
    }
  });

  it("pages with limit/offset and total_count, sorted by name, and rejects a limit over 100", async () => {
    const whole = await allRows();
    expect(whole.total).toBe(3);
    const paged = await allRows(2);
    expect(paged.total).toBe(3);
    expect(paged.rows.map((r) => r.tenant_id)).toEqual(whole.rows.map((r) => r.tenant_id));
    expect(whole.rows[0].tenant_id).toBe(unbudgetedId);
    const names = whole.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const call = apiClient(t.database);
    for (const q of ["limit=101", "limit=0", "offset=-1"]) {
      const res = await call("GET", `/api/tenants/budgets?${q}`, { key: TEST_PLATFORM_KEY });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
  });

  it("is platform-only: admins, marketers and connectors get 403, no key gets 401", async () => {
    const call = apiClient(t.database);
    for (const key of [monthly.admin.key, monthly.marketer.key, monthly.connector.key]) {
      const res = await call("GET", "/api/tenants/budgets", { key });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await call("GET", "/api/tenants/budgets")).status).toBe(401);
  });
});
