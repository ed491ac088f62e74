import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import type { Database } from "@/db/database";
import { openPg } from "@/db/drivers";
import { migrate } from "@/db/migrate";
import { budgets, discountCodes, discountKpiSnapshots, discountPolicies, discountRedemptions, tenants } from "@/db/schema";
import { budgetPeriodStart } from "@/core/governance";
import type { ToolContext } from "@/tools/context";
import { runTool } from "@/tools/registry";
import { createCodeInTx } from "@/tools/discounts/code-store";
import { redeemQueueStats } from "@/tools/discounts/redeem-queue";
import { redeemDiscountCode, validateDiscountCode } from "@/tools/discounts/redeem-tools";
import { HISTORY_ROWS, seedLedgerHistory } from "./ledger-history";

// Redemptions per second through the governance core (group commit + row locks) next to a naive
// baseline (one transaction per redemption: hot budget update + usage update + ledger insert), on the
// same pool, at 1, 16 and 64 concurrent callers; validate latency; exactness checked after every run.

const URL_DEFAULT = "postgres://postgres@127.0.0.1:5432/test";
const CALLERS = [1, 16, 64];
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 5_000);
const POOL = 20;
const ROUNDS = 4;

type Setup = { tenantId: string; promo: string; codeId: string; ctx: ToolContext };

async function setupTenant(db: Database, opts: { cap: number; usageLimit: number | null }): Promise<Setup> {
  const [t] = await db.withOwner((tx) => tx.insert(tenants).values({ name: `bench ${randomUUID().slice(0, 6)}` }).returning());
  const tenantId = t.tenant_id;
  const ctx: ToolContext = { db, now: () => new Date(), caller: { tenantId, role: "connector", apiKeyId: null, provider: "bench", issuerType: "connector", surfaces: ["shopify"] } };
  const code = await db.withTenant(tenantId, async (tx) => {
    await tx.insert(discountPolicies).values({ tenant_id: tenantId, surface: "shopify", min_percent: 5, max_percent: 25, kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }], max_snapshot_age_seconds: 86400 });
    await tx.insert(budgets).values({ tenant_id: tenantId, cap_cents: opts.cap, period: "month" });
    await tx.insert(discountKpiSnapshots).values([{ tenant_id: tenantId, kpi: "profit", value: 1000 }, { tenant_id: tenantId, kpi: "mer", value: 3 }]);
    return createCodeInTx(tx, tenantId, { surface: "shopify", discount_type: "percentage", value: 10, usage_limit: opts.usageLimit ?? undefined, per_customer_limit: 1 }, ctx.caller, new Date());
  });
  return { tenantId, promo: code.promo_code, codeId: code.code_id, ctx };
}

/** Runs `callers` loops of `op` for RUN_MS (or until `maxOps`); returns completed ops and latencies. */
async function drive(callers: number, op: (n: number) => Promise<boolean>, opts: { ms?: number; maxOps?: number } = {}) {
  const deadline = Date.now() + (opts.ms ?? RUN_MS);
  let n = 0;
  let ok = 0;
  const lat: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (Date.now() < deadline && (opts.maxOps === undefined || n < opts.maxOps)) {
      const i = n++;
      const t0 = process.hrtime.bigint();
      if (await op(i)) ok++;
      lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ok, attempts: n, seconds, perSecond: ok / seconds, lat };
}

async function redeemCore(s: Setup, i: number): Promise<boolean> {
  try {
    await runTool(redeemDiscountCode, { promo_code: s.promo, surface: "shopify", order_total_cents: 10_000, customer_id: `c${i}@x.com`, idempotency_key: randomUUID() }, s.ctx);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "budget_exhausted" || (err as { code?: string }).code === "usage_limit") return false;
    throw err;
  }
}

/** The baseline: no governance reads, just the three writes in one transaction per redemption. */
async function redeemNaive(db: Database, s: Setup, i: number): Promise<boolean> {
  const period = budgetPeriodStart("month", new Date());
  await db.withTenant(s.tenantId, async (tx) => {
    await tx.execute(sql`insert into budget_spend (tenant_id, scope, scope_id, period_start, spent_cents) values (${s.tenantId}, 'tenant', '', ${period}, 1000)
      on conflict (tenant_id, scope, scope_id, period_start) do update set spent_cents = budget_spend.spent_cents + 1000`);
    await tx.execute(sql`update discount_codes set redemption_count = redemption_count + 1 where tenant_id = ${s.tenantId} and code_id = ${s.codeId}`);
    await tx.insert(discountRedemptions).values({
      tenant_id: s.tenantId, kind: "redemption", code_id: s.codeId, promo_code: s.promo, surface: "shopify", customer_id: `c${i}@x.com`,
      order_total_cents: 10_000, discount_cents: 1_000, budget_period_start: period, idempotency_key: randomUUID(),
    });
  });
  return true;
}

/** spent = ledger sum ≤ cap and uses = net ledger count ≤ limit, read as the owner. */
async function checkExact(db: Database, s: Setup, cap: number, limit: number | null): Promise<{ spent: number; uses: number }> {
  const r = (await db.withOwner((tx) => tx.execute(sql`select
    (select coalesce(sum(discount_cents),0) from discount_redemptions where tenant_id = ${s.tenantId})::bigint as ledger,
    (select count(*) from discount_redemptions where tenant_id = ${s.tenantId})::bigint as n,
    (select coalesce(sum(spent_cents),0) from budget_spend where tenant_id = ${s.tenantId} and scope = 'tenant')::bigint as spent`))) as unknown as { rows: { ledger: number; n: number; spent: number }[] };
  const { ledger, n, spent } = r.rows[0];
  const [code] = await db.withOwner((tx) => tx.select().from(discountCodes).where(eq(discountCodes.code_id, s.codeId)));
  const problems = [
    Number(spent) !== Number(ledger) && `spent ${spent} ≠ ledger sum ${ledger}`,
    Number(spent) > cap && `spent ${spent} > cap ${cap}`,
    code.redemption_count !== Number(n) && `uses ${code.redemption_count} ≠ ledger rows ${n}`,
    limit !== null && code.redemption_count > limit && `uses ${code.redemption_count} > limit ${limit}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`EXACTNESS VIOLATED: ${problems.join("; ")}`);
  return { spent: Number(spent), uses: code.redemption_count };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export default async function run(_args: string[]) {
  const base = process.env.BENCH_DATABASE_URL ?? URL_DEFAULT;
  const name = `oc_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPg(url.toString(), POOL);
  try {
    await migrate(db);
    await seedLedgerHistory(url.toString());
    console.log(`redeem bench: scratch database ${name} (ledger history ${HISTORY_ROWS} rows), pool ${POOL}, ${RUN_MS / 1000}s per run`);
    console.log("callers  naive tx/s  core redemptions/s  core/naive  avg batch  exact");
    const BIG = 1e13;
    for (const callers of CALLERS) {
      const naiveSetup = await setupTenant(db, { cap: BIG, usageLimit: null });
      const coreSetup = await setupTenant(db, { cap: BIG, usageLimit: 10_000_000 });
      // Alternate short slices of naive and core, so load from elsewhere on the machine hits both alike.
      const naive = { ok: 0, seconds: 0 };
      const core = { ok: 0, seconds: 0 };
      const before = redeemQueueStats();
      let n = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const a = await drive(callers, () => redeemNaive(db, naiveSetup, n++), { ms: RUN_MS / ROUNDS });
        const b = await drive(callers, () => redeemCore(coreSetup, n++), { ms: RUN_MS / ROUNDS });
        naive.ok += a.ok; naive.seconds += a.seconds; core.ok += b.ok; core.seconds += b.seconds;
      }
      const after = redeemQueueStats();
      const exact = await checkExact(db, coreSetup, BIG, 10_000_000);
      if (exact.uses !== core.ok) throw new Error(`core reported ${core.ok} redemptions but the ledger has ${exact.uses}`);
      const [nps, cps] = [naive.ok / naive.seconds, core.ok / core.seconds];
      const avgBatch = (after.jobs - before.jobs) / Math.max(1, after.batches - before.batches);
      console.log(`${String(callers).padStart(7)}  ${nps.toFixed(0).padStart(10)}  ${cps.toFixed(0).padStart(18)}  ${(cps / nps).toFixed(2).padStart(9)}x  ${avgBatch.toFixed(1).padStart(9)}  ok`);
    }
    // Saturation: 64 callers race for a cap of 500 discounts and a limit of 450 uses.
    const capped = await setupTenant(db, { cap: 500 * 1_000, usageLimit: 450 });
    const race = await drive(64, (i) => redeemCore(capped, i), { ms: 30_000, maxOps: 1_000 });
    const exact = await checkExact(db, capped, 500 * 1_000, 450);
    if (race.ok !== 450 || exact.uses !== 450) throw new Error(`saturation: expected exactly 450 redemptions, got ${race.ok} (ledger ${exact.uses})`);
    console.log(`saturation (64 callers, 1000 attempts, usage_limit 450): ${race.ok} redeemed, spent ${exact.spent} = ledger sum, exact`);
    const v = await setupTenant(db, { cap: BIG, usageLimit: null });
    const validate = (i: number) => runTool(validateDiscountCode, { promo_code: v.promo, surface: "shopify", order_total_cents: 10_000, customer_id: `v${i}` }, v.ctx).then(() => true);
    for (const callers of [1, 16]) {
      const r = await drive(callers, validate, { ms: Math.min(RUN_MS, 3_000) });
      console.log(`validate latency at ${callers} caller(s): p50 ${pct(r.lat, 50).toFixed(2)} ms, p99 ${pct(r.lat, 99).toFixed(2)} ms (${r.perSecond.toFixed(0)}/s)`);
    }
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** For `bench -- http`: the in-process core at 16 callers and the naive transaction at 1, on an already migrated database. */
export async function inProcessReference(databaseUrl: string, ms: number) {
  const db = await openPg(databaseUrl, POOL);
  try {
    const BIG = 1e13;
    const coreSetup = await setupTenant(db, { cap: BIG, usageLimit: null });
    const naiveSetup = await setupTenant(db, { cap: BIG, usageLimit: null });
    let n = 0;
    const core = await drive(16, () => redeemCore(coreSetup, n++), { ms });
    const naive = await drive(1, () => redeemNaive(db, naiveSetup, n++), { ms: Math.min(ms, 3_000) });
    await checkExact(db, coreSetup, BIG, null);
    return { core16: core.perSecond, naive1: { perSecond: naive.perSecond, p50: pct(naive.lat, 50) } };
  } finally {
    await db.close();
  }
}
