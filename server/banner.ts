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
  if (env.DEMO_SEED_FORCED) {
    lines.push("", "  WARNING: DEMO_SEED=true outside the embedded demo: a demo tenant with known keys and the demo",
      "  sign-in buttons are live. Unset DEMO_SEED (and revoke the demo keys) before real use.");
  }
  if (demo) {
    // Secrets stay out of logs: the generated platform key is shown on the one start that created it (its hash
    // is all that is stored); the demo tenant's keys live in a 0600 file and behind the demo sign-in buttons.
    const platform = env.PLATFORM_API_KEY ? "(from PLATFORM_API_KEY)"
      : demo.platform_key ? `${demo.platform_key}  (shown once; only its hash is stored)` : "(generated earlier; set PLATFORM_API_KEY to choose one)";
    lines.push(
      `  Demo tenant "Kigo Demo"`,
      `  Platform key:   ${platform}`,
      `  Demo keys:      ${env.DATA_DIR}/demo-credentials.json (admin, marketer, shopify connector)`,
      "  Sign in at /sign-in with a key, or use the demo buttons there.",
    );
  }
  console.log(lines.join("\n") + "\n");
}
