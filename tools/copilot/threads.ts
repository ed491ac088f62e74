import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { agentThreads } from "@/db/schema";
import type { Caller } from "../context";

// A copilot conversation belongs to the API key that opened it (CONTRACT §6, issue 10 door 9): another
// key, even an admin of the same tenant, sees it as unknown. Admins review drafts on the offers pages.

/** Whether `caller`'s key opened the thread; RLS already hides other tenants' threads. */
export async function ownsThread(db: Database, caller: Caller, threadId: string): Promise<boolean> {
  if (!caller.tenantId || !caller.apiKeyId) return false;
  const rows = await db.withTenant(caller.tenantId, (tx) =>
    tx.select({ id: agentThreads.thread_id }).from(agentThreads)
      .where(and(eq(agentThreads.thread_id, threadId), eq(agentThreads.api_key_id, caller.apiKeyId!))).limit(1),
  );
  return rows.length > 0;
}

/**
 * Claims a thread id for the caller's key before the thread is created. False when anyone else holds it
 * (the global unique index refuses the row), so a guessed id never joins someone else's conversation.
 */
export async function claimThread(db: Database, caller: Caller, threadId: string): Promise<boolean> {
  if (!caller.tenantId || !caller.apiKeyId) return false;
  if (await ownsThread(db, caller, threadId)) return true;
  try {
    await db.withTenant(caller.tenantId, (tx) =>
      tx.insert(agentThreads).values({ tenant_id: caller.tenantId!, thread_id: threadId, api_key_id: caller.apiKeyId }),
    );
    return true;
  } catch {
    return false;
  }
}
