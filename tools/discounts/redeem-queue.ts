import { toAppError } from "@/core/errors";
import type { Database } from "@/db/database";
import { mapDbError } from "@/db/errors";
import { type RedeemJob, type RedeemOutcome, redeemBatchInTx } from "./redeem-batch";

// Group commit: per process and tenant, redemptions that arrive while a batch is in flight wait and go
// together in the next transaction, which locks the hot rows (codes, budget) once for all of them.
// A lone request runs at once (no added latency); under load, batches grow to the concurrency.
// Exactness never depends on this queue: the batch transaction takes row locks, so several processes
// (each with its own queue) still serialise on the same rows.

/** Upper bound per transaction, so one batch's lock time stays short. */
export const MAX_BATCH = 64;

const stats = { batches: 0, jobs: 0, fallbacks: 0 };
/** Counts since process start (batches, jobs, fallbacks), for the benchmark's average batch size. */
export function redeemQueueStats(): Readonly<typeof stats> {
  return { ...stats };
}

type Waiter = { job: RedeemJob; resolve: (o: RedeemOutcome) => void; reject: (e: unknown) => void };

/** Runs one batch in its own tenant transaction. */
function runTx(db: Database, tenantId: string, jobs: RedeemJob[]): Promise<RedeemOutcome[]> {
  return db.withTenant(tenantId, (tx) => redeemBatchInTx(tx, tenantId, jobs));
}

/** One job alone; a lost idempotency race is re-run (the winner has committed by then) to replay or 409. */
async function runAlone(db: Database, tenantId: string, job: RedeemJob): Promise<RedeemOutcome> {
  for (let attempt = 0; ; attempt++) {
    const [outcome] = await runTx(db, tenantId, [job]);
    if (outcome.kind !== "retry" || attempt >= 3) return outcome.kind === "retry" ? { kind: "error", error: toAppError(new Error("idempotency race")) } : outcome;
  }
}

class TenantQueue {
  private waiting: Waiter[] = [];
  private running = false;
  constructor(private readonly db: Database, private readonly tenantId: string) {}

  submit(job: RedeemJob): Promise<RedeemOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.waiting.length) {
        // One macrotask turn first: callers whose previous redemption just resolved re-submit in
        // microtasks, so they join this batch instead of waiting a whole extra round.
        await new Promise((r) => setImmediate(r));
        await this.runBatch(this.waiting.splice(0, MAX_BATCH));
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Waiter[]) {
    let outcomes: RedeemOutcome[] | null = null;
    stats.batches++;
    stats.jobs += batch.length;
    try {
      outcomes = await runTx(this.db, this.tenantId, batch.map((w) => w.job));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(mapDbError(err));
      stats.fallbacks++;
      // An unexpected batch error must not fail the others: fall back to one transaction each.
    }
    await Promise.all(batch.map(async (w, i) => {
      const o = outcomes?.[i];
      if (o && o.kind !== "retry") return w.resolve(o);
      try {
        w.resolve(await runAlone(this.db, this.tenantId, w.job));
      } catch (err) {
        w.reject(mapDbError(err));
      }
    }));
  }
}

const queues = new WeakMap<Database, Map<string, TenantQueue>>();

/** The queue of one tenant on one database handle (one per process in the app; tests open several). */
export function redeemQueue(db: Database, tenantId: string): TenantQueue {
  let byTenant = queues.get(db);
  if (!byTenant) queues.set(db, (byTenant = new Map()));
  let q = byTenant.get(tenantId);
  if (!q) byTenant.set(tenantId, (q = new TenantQueue(db, tenantId)));
  return q;
}

/** Submits a redemption through the tenant's group-commit queue. */
export function submitRedemption(db: Database, tenantId: string, job: RedeemJob): Promise<RedeemOutcome> {
  return redeemQueue(db, tenantId).submit(job);
}
