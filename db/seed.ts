import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { newPlatformKey } from "@/core/auth/keys";
import { issueApiKey } from "./api-keys";
import type { Database } from "./database";
import { getSetting, PLATFORM_KEY_SETTING, setSetting } from "./platform-settings";
import { seedHistory } from "./seed-history";
import * as s from "./schema";

export const DEMO_TENANT_SETTING = "demo_tenant_id";
export const DEMO_SURFACES = ["shopify", "marketplace", "hub"] as const;
const KPI_FRESH_MS = 24 * 3600 * 1000;

/**
 * What a newcomer needs to sign in; kept beside the embedded data (mode 0600, demo mode only). The tenant keys
 * are marked demo (api_keys.demo) so `revokeDemoKeys` ends them all at once; platform_key is set only on the
 * start that generated it.
 */
export type DemoCredentials = {
  tenant_id: string;
  platform_key: string | null;
  admin_key: string;
  marketer_key: string;
  connector_key: string;
};

function credentialsPath(dataDir: string) {
  return path.resolve(dataDir, "demo-credentials.json");
}

/** Reads the stored demo credentials (sign-in page, start banner); null before the first seed. */
export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  const p = credentialsPath(dataDir);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as DemoCredentials) : null;
}

/**
 * Seeds the demo tenant once (CONTRACT §5) and keeps its KPI feed fresh on later starts, so the demo
 * keeps passing the KPI-freshness check. Safe to call on every start.
 */
export async function ensureDemoSeed(db: Database, opts: { dataDir: string; platformKeyFromEnv?: string; now?: Date }): Promise<DemoCredentials> {
  const now = opts.now ?? new Date();
  let creds = readDemoCredentials(opts.dataDir);
  const tenantId = await getSetting(db, DEMO_TENANT_SETTING);
  if (!tenantId || !creds || creds.tenant_id !== tenantId) {
    creds = await seedDemoTenant(db, opts.platformKeyFromEnv, now);
    mkdirSync(opts.dataDir, { recursive: true });
    // The generated platform key is returned (printed) this once and never written anywhere; only its hash is stored.
    writeFileSync(credentialsPath(opts.dataDir), JSON.stringify({ ...creds, platform_key: null }, null, 2), { mode: 0o600 });
  }
  await refreshDemoKpis(db, creds.tenant_id, now);
  return creds;
}

async function seedDemoTenant(db: Database, platformKeyFromEnv: string | undefined, now: Date): Promise<DemoCredentials> {
  let platform_key: string | null = null;
  if (!platformKeyFromEnv && !(await getSetting(db, PLATFORM_KEY_SETTING))) {
    const generated = newPlatformKey();
    await setSetting(db, PLATFORM_KEY_SETTING, generated.hash);
    platform_key = generated.key;
  }
  const [tenant] = await db.withOwner((tx) => tx.insert(s.tenants).values({
    name: "Kigo Demo", currency: "USD",
    settings: { banned_words: ["guaranteed", "free money"], required_terms: [] },
  }).returning());
  const tenant_id = tenant.tenant_id;
  await db.withTenant(tenant_id, async (tx) => {
    for (const surface of DEMO_SURFACES) {
      await tx.insert(s.surfaces).values({ tenant_id, surface, display_name: surface[0].toUpperCase() + surface.slice(1) });
      await tx.insert(s.discountPolicies).values({
        tenant_id, surface, min_percent: 5, max_percent: 25, max_amount_cents: null,
        kpi_floors: [{ kpi: "profit", floor: 0 }, { kpi: "mer", floor: 1.5 }], max_snapshot_age_seconds: 7 * 86400, enabled: true,
      });
    }
    await tx.insert(s.budgets).values({ tenant_id, cap_cents: 25_000_000, period: "month" });
    const merchants = await tx.insert(s.merchants).values([
      { tenant_id, merchant_name: "Kigo Equipment Co", merchant_type: "retail", primary_category_id: "equipment" },
      { tenant_id, merchant_name: "Northwind Outdoor", merchant_type: "retail", primary_category_id: "outdoor" },
      { tenant_id, merchant_name: "Harbor Coffee", merchant_type: "restaurant", primary_category_id: "food" },
    ]).returning();
    await tx.insert(s.merchantLocations).values([
      { tenant_id, merchant_id: merchants[0].merchant_id, address_line1: "100 Main St", city: "Austin", state: "TX", postal_code: "78701", latitude: 30.2672, longitude: -97.7431 },
      { tenant_id, merchant_id: merchants[1].merchant_id, address_line1: "42 Pine Rd", city: "Denver", state: "CO", postal_code: "80202", latitude: 39.7392, longitude: -104.9903 },
      { tenant_id, merchant_id: merchants[2].merchant_id, address_line1: "7 Pier Ave", city: "Seattle", state: "WA", postal_code: "98101", latitude: 47.6062, longitude: -122.3321 },
    ]);
    await tx.insert(s.offerTypes).values([
      { tenant_id, type_name: "percentage_discount", type_description: "A percent off the order" },
      { tenant_id, type_name: "fixed_discount", type_description: "A fixed amount off the order" },
      { tenant_id, type_name: "bogo", type_description: "Buy one, get one" },
      { tenant_id, type_name: "free_shipping", type_description: "Shipping at no charge" },
      { tenant_id, type_name: "cashback", type_description: "Money back after purchase" },
    ]);
    const [program] = await tx.insert(s.programs).values({ tenant_id, program_name: "Dealer Network", program_type: "closed_loop" }).returning();
    await seedHistory(tx, tenant_id, program.program_id, now); // a year of past offers (issue 15), past budget periods only
  });
  const admin = await issueApiKey(db, { tenantId: tenant_id, role: "admin", label: "demo admin", demo: true });
  const marketer = await issueApiKey(db, { tenantId: tenant_id, role: "marketer", label: "demo marketer", demo: true });
  const connector = await issueApiKey(db, { tenantId: tenant_id, role: "connector", provider: "shopify", label: "demo shopify connector", demo: true });
  await setSetting(db, DEMO_TENANT_SETTING, tenant_id);
  return { tenant_id, platform_key, admin_key: admin.key, marketer_key: marketer.key, connector_key: connector.key };
}

/** The demo's stand-in KPI feed: profit and MER above their floors, re-pushed once a day. */
async function refreshDemoKpis(db: Database, tenant_id: string, now: Date) {
  await db.withTenant(tenant_id, async (tx) => {
    const [latest] = await tx
      .select({ at: sql<Date>`max(${s.discountKpiSnapshots.observed_at})` })
      .from(s.discountKpiSnapshots)
      .where(and(eq(s.discountKpiSnapshots.kpi, "profit"), eq(s.discountKpiSnapshots.surface, "")));
    const at = latest?.at ? new Date(latest.at) : null;
    if (at && now.getTime() - at.getTime() < KPI_FRESH_MS) return;
    await tx.insert(s.discountKpiSnapshots).values([
      { tenant_id, kpi: "profit", surface: "", value: 18250, observed_at: now },
      { tenant_id, kpi: "mer", surface: "", value: 3.2, observed_at: now },
    ]);
  });
}

/** Revokes every key the demo seed issued (why: an instance that started as a demo and goes live). */
export async function revokeDemoKeys(db: Database, now = new Date()): Promise<number> {
  const rows = await db.withOwner((tx) =>
    tx.update(s.apiKeys).set({ revoked_at: now }).where(and(eq(s.apiKeys.demo, true), isNull(s.apiKeys.revoked_at)))
      .returning({ id: s.apiKeys.api_key_id }));
  return rows.length;
}
