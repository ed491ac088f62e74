import { env } from "@/env";
import { getAppState } from "./deps";

/** Prints where the app runs and the keys a newcomer signs in with (CONTRACT §1, §5). */
export async function printStartBanner(): Promise<void> {
  const { deps, demo } = await getAppState();
  const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.DATA_DIR}/pglite`;
  const lines = [
    "",
    "  Offer Copilot is ready",
    `  URL:       http://localhost:${env.PORT}`,
    `  Database:  ${where} (${deps.db.kind}), migrations applied`,
  ];
  if (demo) {
    const platform = env.PLATFORM_API_KEY ? "(from PLATFORM_API_KEY)" : demo.platform_key ?? "(stored hash only; set PLATFORM_API_KEY)";
    lines.push(
      `  Demo tenant "Kigo Demo": ${demo.tenant_id}`,
      `  Platform key:   ${platform}`,
      `  Admin key:      ${demo.admin_key}`,
      `  Marketer key:   ${demo.marketer_key}`,
      `  Connector key:  ${demo.connector_key}  (provider shopify)`,
      "  Sign in at /sign-in with a key, or use the demo buttons there.",
    );
  }
  console.log(lines.join("\n") + "\n");
}
