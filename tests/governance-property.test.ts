import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyLedgerEffect, type BudgetScopeFact, type CodeFacts, customerUseKey, decideRedemption, emptyCounters, type PolicyFacts, scopeKey,
} from "@/core/governance";

// A model of the ledger driven only by the pure rules (the same decide → apply step the redeem batch
// runs per request): whatever the sequence of redeems and voids, no cap or limit is ever passed and
// the counters always equal the ledger.

const NOW = new Date("2026-11-21T12:00:00Z");
const policy: PolicyFacts = { surface: "s", min_percent: 0, max_percent: 100, max_amount_cents: null, kpi_floors: [], max_snapshot_age_seconds: 60, enabled: true };
const TENANT = scopeKey("tenant", "", "2026-11-01");
const OFFER = scopeKey("offer", "o1", "1970-01-01");

type Op = { kind: "redeem"; customer: number; order: number } | { kind: "void"; pick: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("redeem" as const), customer: fc.integer({ min: 0, max: 4 }), order: fc.integer({ min: 0, max: 50_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("void" as const), pick: fc.nat() }) },
);

describe("ledger model under random redeems and voids", () => {
  it("never exceeds caps or limits, and spent always equals the ledger sum", () => {
    fc.assert(
      fc.property(
        fc.record({
          cap: fc.integer({ min: 0, max: 60_000 }), offerCap: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
          limit: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), perCustomer: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
          type: fc.constantFrom("percentage" as const, "fixed" as const), value: fc.integer({ min: 1, max: 100 }),
        }),
        fc.array(op, { maxLength: 80 }),
        (cfg, ops) => {
          const counters = emptyCounters();
          const ledger: { id: number; customer: string; cents: number; voids?: number }[] = [];
          const voided = new Set<number>();
          const code: CodeFacts = {
            promo_code: "P", surface: "s", discount_type: cfg.type, value: cfg.type === "fixed" ? cfg.value * 100 : cfg.value, status: "active",
            starts_at: null, expires_at: null, usage_limit: cfg.limit, per_customer_limit: cfg.perCustomer, minimum_order_cents: null, redemption_count: 0,
          };
          for (const o of ops) {
            if (o.kind === "redeem") {
              const customer = `c${o.customer}`;
              const budgets: BudgetScopeFact[] = [{ scope: "tenant", scope_id: "", cap_cents: cfg.cap, spent_cents: counters.spent.get(TENANT) ?? 0, period: "month" }];
              if (cfg.offerCap !== null) budgets.push({ scope: "offer" as const, scope_id: "o1", cap_cents: cfg.offerCap, spent_cents: counters.spent.get(OFFER) ?? 0, period: "total" as const });
              const d = decideRedemption({
                request: { surface: "s", order_total_cents: o.order, customer_id: customer }, policy, snapshots: [], now: NOW,
                code: { ...code, redemption_count: counters.uses.get("k") ?? 0 }, customerUses: counters.customerUses.get(customerUseKey("k", customer)) ?? 0,
                eligibility: { restricted: false, listed: false }, budgets, tenantBudgetSet: true, currency: "USD",
              });
              if (!d.allowed) continue;
              applyLedgerEffect(counters, { code_id: "k", customer_key: customer, scopeKeys: [TENANT, OFFER], discount_cents: d.discount_cents, sign: 1 });
              ledger.push({ id: ledger.length, customer, cents: d.discount_cents });
            } else {
              const redemptions = ledger.filter((e) => e.voids === undefined && !voided.has(e.id));
              if (redemptions.length === 0) continue;
              const target = redemptions[o.pick % redemptions.length];
              voided.add(target.id);
              applyLedgerEffect(counters, { code_id: "k", customer_key: target.customer, scopeKeys: [TENANT, OFFER], discount_cents: target.cents, sign: -1 });
              ledger.push({ id: ledger.length, customer: target.customer, cents: -target.cents, voids: target.id });
            }
            const sum = ledger.reduce((s, e) => s + e.cents, 0);
            const net = ledger.reduce((s, e) => s + (e.voids === undefined ? 1 : -1), 0);
            expect(counters.spent.get(TENANT) ?? 0).toBe(sum);
            expect(counters.spent.get(OFFER) ?? 0).toBe(sum);
            expect(sum).toBeLessThanOrEqual(cfg.cap);
            if (cfg.offerCap !== null) expect(sum).toBeLessThanOrEqual(cfg.offerCap);
            expect(counters.uses.get("k") ?? 0).toBe(net);
            if (cfg.limit !== null) expect(net).toBeLessThanOrEqual(cfg.limit);
            for (const [k, n] of counters.customerUses) if (cfg.perCustomer !== null) expect(n, k).toBeLessThanOrEqual(cfg.perCustomer);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
