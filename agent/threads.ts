import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { agentThreads } from "@/db/schema";

/** Whether the tenant owns the thread; RLS answers false for another tenant's thread. */
export async function ownsThread(db: Database, tenantId: string, threadId: string): Promise<boolean> {
  const rows = await db.withTenant(tenantId, (tx) =>
    tx.select({ id: agentThreads.thread_id }).from(agentThreads).where(eq(agentThreads.thread_id, threadId)).limit(1),
  );
  return rows.length > 0;
}

/**
 * Claims a thread id for the tenant before it is created. False when another tenant already holds
 * it (the global unique index refuses the row), so a guessed id never joins someone else's thread.
 */
export async function claimThread(db: Database, tenantId: string, threadId: string, apiKeyId: string | null): Promise<boolean> {
  if (await ownsThread(db, tenantId, threadId)) return true;
  try {
    await db.withTenant(tenantId, (tx) =>
      tx.insert(agentThreads).values({ tenant_id: tenantId, thread_id: threadId, api_key_id: apiKeyId }),
    );
    return true;
  } catch {
    return false;
  }
}
