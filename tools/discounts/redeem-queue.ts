import { AppError, toAppError } from "@/core/errors";
import type { Database } from "@/db/database";
import { mapDbError } from "@/db/errors";
import { type RedeemJob, type RedeemOutcome, redeemBatchInTx } from "./redeem-batch";
import { batcherRegistry, type Waiter as BatchWaiter } from "./tenant-batcher";

// Group commit: per process and tenant, redemptions that arrive while a batch is in flight wait and go
// together in the next transaction, which locks the hot rows (codes, budget) once for all of them.
// A lone request runs at once (no added latency); under load, batches grow to the concurrency.
// Exactness never depends on this queue: the batch transaction takes row locks, so several processes
// (each with its own queue) still serialise on the same rows.

/** Upper bound per transaction, so one batch's lock time stays short. */
export const MAX_BATCH = 64;

/** Jobs that may wait per tenant queue before redeem answers 503 (CONTRACT §7); env REDEEM_QUEUE_LIMIT overrides. */
export const DEFAULT_QUEUE_LIMIT = 2048;
/** What a refused caller is told to wait, in seconds: about one batch under load. */
export const RETRY_AFTER_SECONDS = 1;

/** The bound in force (read per submit, so an operator's env change needs no code path of its own). */
function queueLimit(): number {
  const n = Number(process.env.REDEEM_QUEUE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_QUEUE_LIMIT;
}

const stats = { batches: 0, jobs: 0, fallbacks: 0, refused: 0 };
/** Counts since process start (batches, jobs, fallbacks, refusals), for the benchmark's average batch size. */
export function redeemQueueStats(): Readonly<typeof stats> {
  return { ...stats };
}

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

type Waiter = BatchWaiter<RedeemJob, RedeemOutcome>;

/** One batch in one transaction; an unexpected batch error falls back to one transaction per job. */
async function runBatch(db: Database, tenantId: string, batch: Waiter[]) {
  let outcomes: RedeemOutcome[] | null = null;
  stats.batches++;
  stats.jobs += batch.length;
  try {
    outcomes = await runTx(db, tenantId, batch.map((w) => w.job));
  } catch (err) {
    if (batch.length === 1) return batch[0].reject(mapDbError(err));
    stats.fallbacks++;
    // An unexpected batch error must not fail the others: fall back to one transaction each.
  }
  await Promise.all(batch.map(async (w, i) => {
    const o = outcomes?.[i];
    if (o && o.kind !== "retry") return w.resolve(o);
    try {
      w.resolve(await runAlone(db, tenantId, w.job));
    } catch (err) {
      w.reject(mapDbError(err));
    }
  }));
}

/** The queue of one tenant on one database handle (one per process in the app; tests open several). */
export const redeemQueue = batcherRegistry<RedeemJob, RedeemOutcome>({
  run: runBatch,
  maxBatch: MAX_BATCH,
  full: {
    limit: queueLimit,
    error: () => {
      stats.refused++;
      return new AppError("unavailable", "The server is busy redeeming; retry shortly", { retry_after_seconds: RETRY_AFTER_SECONDS });
    },
  },
});

/** Submits a redemption through the tenant's group-commit queue. */
export function submitRedemption(db: Database, tenantId: string, job: RedeemJob): Promise<RedeemOutcome> {
  return redeemQueue(db, tenantId).submit(job);
}
