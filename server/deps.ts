import { env } from "@/env";
import { getDatabase } from "@/db/client";
import { type DemoCredentials, ensureDemoSeed, readDemoCredentials } from "@/db/seed";
import type { AppDeps } from "@/tools/transports/http";

const holder = globalThis as unknown as { __offerCopilotDeps?: Promise<{ deps: AppDeps; demo: DemoCredentials | null }> };

/** Process-wide dependencies: the migrated database (seeded in demo mode), the real clock, the platform key. */
export function getAppState(): Promise<{ deps: AppDeps; demo: DemoCredentials | null }> {
  holder.__offerCopilotDeps ??= (async () => {
    const db = await getDatabase();
    const demo = env.DEMO_SEED ? await ensureDemoSeed(db, { dataDir: env.DATA_DIR, platformKeyFromEnv: env.PLATFORM_API_KEY }) : null;
    return { deps: { db, now: () => new Date(), platformKey: env.PLATFORM_API_KEY }, demo };
  })().catch((err) => {
    holder.__offerCopilotDeps = undefined;
    throw err;
  });
  return holder.__offerCopilotDeps;
}

/** Shorthand for route handlers that only need the deps. */
export async function getAppDeps(): Promise<AppDeps> {
  return (await getAppState()).deps;
}

/** The demo keys: this process's seed, else the stored file (why here: the UI must not read db/ itself). */
export async function getDemoCredentials(): Promise<DemoCredentials | null> {
  const { demo } = await getAppState();
  return demo ?? readDemoCredentials(env.DATA_DIR);
}
