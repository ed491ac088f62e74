import type { Database } from "@/db/database";

// The one group-commit mechanism behind redeem (write batches), validate (read batches) and API-key lookups
// (tools/authenticate.ts, one shared scope ""): per process, database handle and tenant, jobs that arrive while a
// batch is in flight wait and go together in the next one. A lone job runs at once; under load, batches grow to the
// concurrency (up to `maxBatch`). What a batch does is the caller's.

/** A queued job and how to answer its caller. */
export type Waiter<J, O> = { job: J; resolve: (o: O) => void; reject: (e: unknown) => void };

/** How a batcher runs: the batch body, its size bound, and (for redeem) a bound on waiting jobs. */
export type BatcherOptions<J, O> = {
  run: (db: Database, tenantId: string, batch: Waiter<J, O>[]) => Promise<void>;
  maxBatch: number;
  /** Refuses a job at once (nothing read or written) when this many already wait; checked per submit. */
  full?: { limit: () => number; error: () => unknown };
};

/** One tenant's waiting jobs and whether a batch is in flight. */
export class TenantBatcher<J, O> {
  private waiting: Waiter<J, O>[] = [];
  private running = false;
  constructor(private readonly db: Database, private readonly tenantId: string, private readonly opts: BatcherOptions<J, O>) {}

  /** Jobs waiting for the next batch (the bounded part; the batch in flight is not counted). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Queues a job for the next batch, or refuses it when the queue is full. */
  submit(job: J): Promise<O> {
    const full = this.opts.full;
    if (full && this.waiting.length >= full.limit()) return Promise.reject(full.error());
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.waiting.length) {
        // One macrotask turn first: callers whose previous job just resolved re-submit in microtasks,
        // so they join this batch instead of waiting a whole extra round.
        await new Promise((r) => setImmediate(r));
        await this.opts.run(this.db, this.tenantId, this.waiting.splice(0, this.opts.maxBatch));
      }
    } finally {
      this.running = false;
    }
  }
}

/** The batcher of one tenant on one database handle (one per process in the app; tests open several handles). */
export function batcherRegistry<J, O>(opts: BatcherOptions<J, O>) {
  const byDb = new WeakMap<Database, Map<string, TenantBatcher<J, O>>>();
  return (db: Database, tenantId: string): TenantBatcher<J, O> => {
    let byTenant = byDb.get(db);
    if (!byTenant) byDb.set(db, (byTenant = new Map()));
    let b = byTenant.get(tenantId);
    if (!b) byTenant.set(tenantId, (b = new TenantBatcher(db, tenantId, opts)));
    return b;
  };
}
