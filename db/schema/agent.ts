import { index, pgTable, primaryKey, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

// Which tenant a copilot conversation belongs to. LangGraph's checkpoints are keyed by thread id
// alone, so ownership lives here, under RLS, and survives restarts.
export const agentThreads = pgTable(
  "agent_threads",
  {
    tenant_id: uuid("tenant_id").notNull().references(() => tenants.tenant_id),
    thread_id: uuid("thread_id").notNull(),
    api_key_id: uuid("api_key_id"),
    created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant_id, t.thread_id] }),
    // Thread ids are global in the checkpointer: one tenant claiming an id locks everyone else out.
    uniqueIndex("agent_threads_thread_uq").on(t.thread_id),
    index("agent_threads_tenant_created_idx").on(t.tenant_id, t.created_at),
  ],
);
