// CONTRACT §10: the connector is configured by environment only.

/** Everything the connector needs to run; tests build it directly. */
export type ShopifyConfig = {
  port: number;
  coreUrl: string;
  coreApiKey: string;
  shop: string;
  adminApiUrl: string;
  accessToken: string;
  webhookSecret: string;
  kpiPushSeconds: number;
  syncSeconds: number;
  /** The marketing spend the feed divides revenue by (mer), in cents; null: mer is not pushed. */
  marketingSpendCents: number | null;
  /** Cost of goods as a share of revenue (0–1); null: costs unknown, profit is not pushed. */
  costRate: number | null;
  /** Where sync state, order memory and the webhook inbox live; null keeps them in memory. */
  stateDir: string | null;
};

/** A required variable, or a clear error naming it. */
function need(env: Record<string, string | undefined>, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`set ${name} (see CONTRACT §10 / docs/connectors/build-a-connector.md)`);
  return v;
}

/** An optional number, or null when unset; garbage is an error rather than a silent default. */
function num(env: Record<string, string | undefined>, name: string): number | null {
  const v = env[name];
  if (v === undefined || v === "") return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${v}`);
  return n;
}

/** Reads the connector's configuration from the environment. */
export function configFromEnv(env: Record<string, string | undefined> = process.env): ShopifyConfig {
  const shop = need(env, "SHOPIFY_SHOP");
  return {
    port: num(env, "PORT") ?? 3100,
    coreUrl: need(env, "OFFER_COPILOT_URL"),
    coreApiKey: need(env, "OFFER_COPILOT_API_KEY"),
    shop,
    adminApiUrl: env.SHOPIFY_ADMIN_API_URL || `https://${shop}/admin/api/2025-10/graphql.json`,
    accessToken: need(env, "SHOPIFY_ACCESS_TOKEN"),
    webhookSecret: need(env, "SHOPIFY_WEBHOOK_SECRET"),
    kpiPushSeconds: num(env, "KPI_PUSH_SECONDS") ?? 300,
    syncSeconds: num(env, "SYNC_SECONDS") ?? 10,
    marketingSpendCents: num(env, "SHOPIFY_MARKETING_SPEND_CENTS"),
    costRate: num(env, "SHOPIFY_COST_RATE"),
    stateDir: env.SHOPIFY_STATE_DIR ?? ".data/connector-shopify",
  };
}
