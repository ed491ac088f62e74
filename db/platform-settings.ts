import { eq } from "drizzle-orm";
import type { Database } from "./database";
import { platformSettings } from "./schema";

// Platform-wide key/value settings (the generated platform key's hash, the demo tenant id).

/** Where the generated platform key's hash is kept when PLATFORM_API_KEY is unset. */
export const PLATFORM_KEY_SETTING = "platform_key_hash";

/** One setting's value, or null when unset (why: seed and authenticate read the same rows). */
export async function getSetting(db: Database, key: string): Promise<string | null> {
  const [row] = await db.withOwner((tx) => tx.select().from(platformSettings).where(eq(platformSettings.key, key)).limit(1));
  return row?.value ?? null;
}

/** Writes one setting, replacing any previous value. */
export async function setSetting(db: Database, key: string, value: string): Promise<void> {
  await db.withOwner((tx) =>
    tx.insert(platformSettings).values({ key, value }).onConflictDoUpdate({ target: platformSettings.key, set: { value } }),
  );
}
