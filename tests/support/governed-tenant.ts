import { randomUUID } from "node:crypto";
import type { Database } from "@/db/database";
import { makeTenantWithKeys } from "./fixtures";
import { apiClient } from "./http";

// Shared setup for the discount database tests: a tenant with a policy, a budget and fresh KPIs,
// driven through the real REST handler with a clock the test controls.

export const T0 = new Date("2026-11-21T12:00:00Z");

export type Clock = { now: Date; set(d: Date | string): void; advance(seconds: number): void };

/** A mutable clock handed to apiClient, so tests move time without waiting. */
export function testClock(start: Date = T0): Clock {
  const c: Clock = {
    now: new Date(start),
    set(d) { c.now = new Date(d); },
    advance(s) { c.now = new Date(c.now.getTime() + s * 1000); },
  };
  return c;
}

export type GovernedTenant = Awaited<ReturnType<typeof governedTenant>>;

/** A tenant (USD unless `currency`) with policy (5–25% on shopify, profit ≥ 0), a monthly budget and a fresh profit reading. */
export async function governedTenant(
  db: Database,
  clock: Clock,
  opts: {
    capCents?: number; period?: "month" | "quarter" | "total"; policy?: Record<string, unknown>; surface?: string; currency?: string;
  } = {},
) {
  const keys = await makeTenantWithKeys(db, { currency: opts.currency });
  const call = apiClient(db, { now: () => clock.now });
  const surface = opts.surface ?? "shopify";
  const policy = { min_percent: 5, max_percent: 25, kpi_floors: [{ kpi: "profit", floor: 0 }], max_snapshot_age_seconds: 86400, enabled: true, ...opts.policy };
  expectStatus(await call("PUT", `/api/discount-policies/${surface}`, { key: keys.admin.key, body: policy }), 200);
  expectStatus(await call("PUT", "/api/budget", { key: keys.admin.key, body: { cap_cents: opts.capCents ?? 1_000_000, period: opts.period ?? "month" } }), 200);
  expectStatus(await call("POST", "/api/kpi-snapshots", { key: keys.admin.key, body: { kpi: "profit", value: 500 } }), 201);
  const helpers = {
    ...keys,
    call,
    surface,
    async createCode(body: Record<string, unknown> = {}, key = keys.admin.key) {
      const res = await call("POST", "/dashboard/promo-codes", { key, body: { surface, discount_type: "percentage", value: 10, ...body } });
      expectStatus(res, 201);
      return res.body as { code_id: string; promo_code: string; [k: string]: unknown };
    },
    redeem(body: Record<string, unknown>, idempotencyKey: string = randomUUID(), key = keys.connector.key) {
      return call("POST", "/dashboard/promo-codes/redeem", { key, body: { surface, order_total_cents: 10_000, customer_id: `c-${randomUUID()}`, ...body }, headers: { "Idempotency-Key": idempotencyKey } });
    },
    validate(body: Record<string, unknown>, key = keys.connector.key) {
      return call("POST", "/dashboard/promo-codes/validate", { key, body: { surface, order_total_cents: 10_000, ...body } });
    },
    async budget() {
      const res = await call("GET", "/api/budget", { key: keys.admin.key });
      expectStatus(res, 200);
      return res.body as { cap_cents: number; spent_cents: number; headroom_cents: number; period: string; period_start: string };
    },
  };
  return helpers;
}

/** Fails with the response body in the message, so a wrong status explains itself. */
export function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}
