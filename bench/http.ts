import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { type Running, startApp, startFloor } from "./http-app";
import { inProcessReference } from "./redeem";

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

/** Admin sets a budget that never binds and issues a 10% shopify code for the connector to hammer. */
async function setupCode(app: Running & { demo: { admin_key: string } }): Promise<string> {
  const admin = { authorization: `Bearer ${app.demo.admin_key}`, "content-type": "application/json" };
  const put = await fetch(`${app.url}/api/budget`, { method: "PUT", headers: admin, body: JSON.stringify({ cap_cents: 1e12, period: "total" }) });
  if (!put.ok) throw new Error(`budget: ${put.status} ${await put.text()}`);
  const res = await fetch(`${app.url}/dashboard/promo-codes`, {
    method: "POST", headers: admin, body: JSON.stringify({ surface: "shopify", discount_type: "percentage", value: 10, promo_code: `BENCH${randomBytes(3).toString("hex").toUpperCase()}` }),
  });
  if (res.status !== 201) throw new Error(`create code: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { promo_code: string }).promo_code;
}

/** ledger rows = the code's counter, and tenant spend = ledger sum, read as the owner. */
async function exactness(databaseUrl: string, promo: string): Promise<string> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `select (select count(*) from discount_redemptions r where r.promo_code = $1)::int as ledger,
              (select redemption_count from discount_codes where promo_code = $1) as counter,
              (select coalesce(sum(discount_cents), 0) from discount_redemptions)::bigint as ledger_sum,
              (select coalesce(sum(spent_cents), 0) from budget_spend where scope = 'tenant')::bigint as spent`, [promo]);
    const x = rows[0];
    const ok = x.ledger === x.counter && Number(x.ledger_sum) === Number(x.spent);
    if (!ok) throw new Error(`EXACTNESS VIOLATED: ${JSON.stringify(x)}`);
    return `ledger rows ${x.ledger} = counter ${x.counter}; spend ${x.spent} = ledger sum ${x.ledger_sum}`;
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
    app = await startApp(databaseUrl);
    const promo = await setupCode(app);
    const connector = { authorization: `Bearer ${app.demo.connector_key}`, "content-type": "application/json" };
    let n = 0;
    const redeem = () => ({
      body: JSON.stringify({ promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: `c${n++}` }),
      headers: { "idempotency-key": randomUUID() },
    });
    const validateBody = JSON.stringify({ promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: "v1" });
    console.log(`http bench: ${CONNECTIONS} connections, ${SECONDS}s each, app on PostgreSQL (${dbName})`);
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
    console.log(`exactness: ${await exactness(databaseUrl, promo)}`);
  } finally {
    app?.stop();
    floor.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    app?.cleanup();
    await adminDb.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminDb.end();
  }
}
