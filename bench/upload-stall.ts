import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { issueApiKey } from "@/db/api-keys";
import { openPglite } from "@/db/drivers";
import { migrate } from "@/db/migrate";
import { tenants } from "@/db/schema";
import { ROUTES } from "@/tools";
import { createHttpHandler } from "@/tools/transports/http";

// `npm run bench -- upload-stall`: on the embedded database (one connection), how long does one tenant's 50,000-row
// customer-list upload hold up another tenant's redemptions? A redeem loop runs before and during the upload;
// the longest wait during the upload is the stall. Printed, never asserted (a bench, not a test).

const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 50_000);
const handle = createHttpHandler(ROUTES);

type Db = Awaited<ReturnType<typeof openPglite>>;

async function call(db: Db, method: string, url: string, key: string, body?: unknown, headers: Record<string, string> = {}) {
  const isText = typeof body === "string";
  const res = await handle(new Request(`http://bench.local${url}`, {
    method, headers: { authorization: `Bearer ${key}`, "content-type": isText ? "text/csv" : "application/json", ...headers },
    body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
  }), { db, now: () => new Date() });
  const json = await res.json().catch(() => null);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function tenantKeys(db: Db, name: string) {
  const [t] = await db.withOwner((tx) => tx.insert(tenants).values({ name }).returning());
  const admin = await issueApiKey(db, { tenantId: t.tenant_id, role: "admin" });
  const connector = await issueApiKey(db, { tenantId: t.tenant_id, role: "connector", provider: "shopify" });
  return { admin: admin.key, connector: connector.key };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Redeems in a loop (one caller) until `until()` says stop; returns each call's latency in ms. */
async function redeemLoop(db: Db, key: string, promo: string, until: () => boolean): Promise<number[]> {
  const lat: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    await call(db, "POST", "/dashboard/promo-codes/redeem", key,
      { promo_code: promo, surface: "shopify", order_total_cents: 10_000, customer_id: `c-${randomUUID()}` }, { "idempotency-key": randomUUID() });
    lat.push(performance.now() - t0);
  }
  return lat;
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "oc-upload-stall-"));
  const db = await openPglite(path.join(dir, "pglite"));
  try {
    await migrate(db);
    const a = await tenantKeys(db, "Uploader");
    const b = await tenantKeys(db, "Redeemer");
    await call(db, "PUT", "/api/discount-policies/shopify", b.admin, { min_percent: 5, max_percent: 25, kpi_floors: [], max_snapshot_age_seconds: 86400, enabled: true });
    await call(db, "PUT", "/api/budget", b.admin, { cap_cents: 1e12, period: "total" });
    const code = await call(db, "POST", "/dashboard/promo-codes", b.admin, { surface: "shopify", discount_type: "percentage", value: 10 });
    const offer = await call(db, "POST", "/dashboard/offers", a.admin, { offer_type: "percentage_discount", offer_value: 10, max_discount_unit: "%" });
    const csv = ["email", ...Array.from({ length: ROWS }, (_, i) => `customer${i}@example.com`)].join("\n");
    let stop = false;
    const t0 = performance.now();
    const baseline = await redeemLoop(db, b.connector, code.promo_code, () => performance.now() - t0 > 2_000);
    const uploadStart = performance.now();
    const upload = call(db, "POST", `/dashboard/offers/${offer.offer_id}/customer-lists`, a.admin, csv).finally(() => (stop = true));
    const during = await redeemLoop(db, b.connector, code.promo_code, () => stop);
    const report = await upload;
    const uploadMs = performance.now() - uploadStart;
    console.log(`upload-stall bench (embedded PGlite): ${ROWS} rows, ${report.accepted_count} accepted in ${uploadMs.toFixed(0)} ms`);
    console.log(`other tenant's redeem, 1 caller: before p50 ${pct(baseline, 50).toFixed(1)} ms, p99 ${pct(baseline, 99).toFixed(1)} ms (${baseline.length} calls)`);
    console.log(`during the upload: ${during.length} redemptions, p50 ${pct(during, 50).toFixed(1)} ms, longest wait ${Math.max(...during).toFixed(0)} ms`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
