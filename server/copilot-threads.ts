import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { ThreadSaver } from "@langchain/langgraph-api/experimental/embed";

// The embed server's thread store: thread metadata in memory, with the checkpoint table as the memory
// of threads from before a restart. Who may use a thread is not decided here (tools/copilot/threads).

type Thread = { thread_id: string; metadata: Record<string, unknown> };

/** A ThreadSaver over this process's memory, restoring unknown ids from their checkpoints. */
export function threadSaver(checkpointer: BaseCheckpointSaver): ThreadSaver {
  const threads = new Map<string, Thread>();
  return {
    async get(id) {
      const known = threads.get(id);
      if (known) return known;
      const tuple = await checkpointer.getTuple({ configurable: { thread_id: id } });
      // Unknown: the embed routes answer 404 for a missing thread (a throw would be a 500 and a retry loop).
      if (!tuple) return undefined as unknown as Thread;
      const restored = { thread_id: id, metadata: (tuple.metadata ?? {}) as Record<string, unknown> };
      threads.set(id, restored);
      return restored;
    },
    async set(id, { kind, metadata }) {
      const prev = threads.get(id);
      const next = { thread_id: id, metadata: kind === "patch" ? { ...prev?.metadata, ...metadata } : { ...metadata } };
      threads.set(id, next);
      return next;
    },
    async delete(id) {
      threads.delete(id);
    },
  };
}
