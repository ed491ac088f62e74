import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { startApp, startFloor } from "./http-app";
import { inProcessReference } from "./redeem";
import { HISTORY_ROWS, seedLedgerHistory } from "./ledger-history";

// `npm run bench -- http`: the real server (started like `npm start`, on PostgreSQL) under autocannon with 16
// keep-alive connections, next to a bare node:http floor and the in-process core, all in one run; ratios only
// compare numbers measured side by side. Exactness is checked after the load: ledger rows = counters = spend.

const URL_DEFAULT = "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 16;

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number };

/** One autocannon run; `next` builds each request (unique Idempotency-Key and customer per redeem). */
async function load(name: string, url: string, opts: { connections?: number; method?: string; headers?: Record<string, string>;
  next?: () => { body: string; headers?: Record<string, string> } } = {}): Promise<Row> {
  const r = await autocannon({
    url, connections: opts.connections ?? CONNECTIONS, duration: SECONDS, method: (opts.method ?? "GET") as "GET",
    headers: opts.headers,
    requests: opts.next ? [{ setupRequest: (req) => { const n = opts.next!(); return { ...req, body: n.body, headers: { ...req.headers, ...n.headers } }; } }] : undefined,
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

/** JSON call that must succeed; the bench sets up through the public API like any operator would. */
async function api(base: string, key: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A tenant set up like the in-process bench's (policy 5–25 % with KPI floors, fresh snapshots, a budget that never
 * binds) through the platform key, and a 10 % shopify code for its connector to hammer.
 */
async function setupTenant(base: string, platformKey: string) {
  const t = await api(base, platformKey, "POST", "/api/tenants", { name: `bench http ${randomBytes(3).toString("hex")}` });
  const admin = (await api(base, platformKey, "POST", `/api/tenants/${t.tenant_id}/api-keys`, { role: "admin" })).key as string;
  const connector = (await api(base, platformKey, "POST", `/api/tenants/${t.tenant_id}/api-keys`, { role: "connector", provider: "shopify" })).key as string;
  await api(base, admin, "PUT", "/api/discount-policies/shopify", {
    min_percent: 5, max_percent: 25, kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }], max_snapshot_age_seconds: 86400, enabled: true,
  });
  await api(base, admin, "POST", "/api/kpi-snapshots", { kpi: "profit", value: 1000 });
  await api(base, admin, "POST", "/api/kpi-snapshots", { kpi: "mer", value: 3 });
  await api(base, admin, "PUT", "/api/budget", { cap_cents: 1e12, period: "month" });
  const code = await api(base, admin, "POST", "/dashboard/promo-codes", { surface: "shopify", discount_type: "percentage", value: 10 });
  return { tenantId: t.tenant_id as string, admin, connector, promo: code.promo_code as string };
}

/** ledger rows = the code's counter, and the budget's spent (GET /api/budget) = the tenant's ledger sum. */
async function exactness(databaseUrl: string, base: string, s: Awaited<ReturnType<typeof setupTenant>>): Promise<string> {
  const budget = await api(base, s.admin, "GET", "/api/budget");
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `select (select count(*) from discount_redemptions where tenant_id = $1)::int as ledger,
              (select redemption_count from discount_codes where tenant_id = $1 and promo_code = $2) as counter,
              (select coalesce(sum(discount_cents), 0) from discount_redemptions where tenant_id = $1)::bigint as ledger_sum`,
      [s.tenantId, s.promo]);
    const x = { ...rows[0], spent: budget.spent_cents };
    if (x.ledger !== x.counter || Number(x.ledger_sum) !== Number(x.spent)) throw new Error(`EXACTNESS VIOLATED: ${JSON.stringify(x)}`);
    return `ledger rows ${x.ledger} = code counter ${x.counter}; spent ${x.spent} = ledger sum ${x.ledger_sum}`;
  } finally {
    await c.end();
  }
}

const fmt = (r: Row) =>
  `${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.non2xx).padStart(7)}`;

export default async function run(_args: string[]) {
  const base = process.env.BENCH_DATABASE_URL ?? URL_DEFAULT;
  const dbName = `oc_bench_http_${process.pid}_${randomBytes(3).toString("hex")}`;
  const adminDb = new pg.Client({ connectionString: base });
  await adminDb.connect();
  await adminDb.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const floor = await startFloor();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const platformKey = `ocp_bench_${randomBytes(16).toString("hex")}`;
    app = await startApp(databaseUrl, platformKey);
    await seedLedgerHistory(databaseUrl);
    const tenant = await setupTenant(app.url, platformKey);
    const promo = tenant.promo;
    const connector = { authorization: `Bearer ${tenant.connector}`, "content-type": "application/json" };
    let n = 0;
    const redeem = () => ({
      body: JSON.stringify({ promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: `c${n++}` }),
      headers: { "idempotency-key": randomUUID() },
    });
    const validateBody = JSON.stringify({ promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: "v1" });
    console.log(`http bench: ${CONNECTIONS} connections, ${SECONDS}s each, app on PostgreSQL (${dbName}, ledger history ${HISTORY_ROWS} rows)`);
    const rows: Row[] = [];
    rows.push(await load("bare node:http floor", `${floor.url}/`));
    rows.push(await load("GET /api/health", `${app.url}/api/health`));
    rows.push(await load("POST validate", `${app.url}/dashboard/promo-codes/validate`, { method: "POST", headers: connector, next: () => ({ body: validateBody }) }));
    rows.push(await load("POST redeem", `${app.url}/dashboard/promo-codes/redeem`, { method: "POST", headers: connector, next: redeem }));
    rows.push(await load("POST redeem (1 connection)", `${app.url}/dashboard/promo-codes/redeem`, { method: "POST", headers: connector, next: redeem, connections: 1 }));
    const ref = await inProcessReference(databaseUrl, SECONDS * 1000);
    console.log(`${"request".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(7)}`);
    for (const r of rows) console.log(fmt(r));
    console.log(`${"in-process core redeem (16 callers)".padEnd(34)} ${ref.core16.toFixed(0).padStart(8)}`);
    console.log(`${"in-process naive tx (1 caller)".padEnd(34)} ${ref.naive1.perSecond.toFixed(0).padStart(8)} ${ref.naive1.p50.toFixed(1).padStart(8)}`);
    const [fl, health, validate, redeem16, redeem1] = rows;
    console.log("ratios (target):");
    console.log(`  health ÷ floor                         ${(health.rps / fl.rps).toFixed(2)}  (≥ 0.5)`);
    console.log(`  HTTP redeem ÷ in-process core (16)     ${(redeem16.rps / ref.core16).toFixed(2)}  (≥ 0.7)`);
    console.log(`  HTTP validate ÷ HTTP redeem (req/s)    ${(validate.rps / redeem16.rps).toFixed(2)}  (≥ 1.5)`);
    console.log(`  HTTP validate p99 at 16                ${validate.p99.toFixed(1)} ms  (< 25 ms)`);
    console.log(`  1-conn HTTP redeem p50 ÷ naive tx p50  ${(redeem1.p50 / ref.naive1.p50).toFixed(2)}`);
    const bad = rows.filter((r) => r.non2xx > 0 && r.name !== "POST validate");
    if (bad.length) throw new Error(`non-2xx answers: ${bad.map((r) => `${r.name} ${r.non2xx}`).join(", ")}`);
    console.log(`exactness: ${await exactness(databaseUrl, app.url, tenant)}`);
  } finally {
    app?.stop();
    floor.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    app?.cleanup();
    await adminDb.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminDb.end();
  }
}
