import { notFound } from "@/core/errors";
import { decideRedemption, type GovernanceReason } from "@/core/governance";
import type { Database } from "@/db/database";
import { mapDbError } from "@/db/errors";
import { lockedFactBook } from "./redeem-book";
import { loadLockedFacts } from "./redeem-locks";
import { factsFor } from "./redemption-facts";

// Group read for validate: per process and tenant, validations that arrive while one read is in flight go
// together in the next read-only transaction — redeem's own two statements without the locks — and each is
// decided on its own by core's decideRedemption (no validation sees another's effect: none has any). A lone
// validation runs at once. Why: a checkout validates on every cart change; under load one read answers many.

/** One validation: the order as the tool received it (customer already normalised) and its clock. */
export type ValidateJob = {
  promo_code: string; surface: string; order_total_cents: number; customerKey: string | null; locationId: string | null; now: Date;
};
/** What validate answers (CONTRACT §2.2). */
export type ValidateAnswer = { valid: boolean; discount_cents: number; reasons: GovernanceReason[] };

/** Upper bound per read, so one statement's arrays stay small. */
const MAX_BATCH = 64;

/** Decides a batch of validations for one tenant in one read-only transaction; an answer or an error per job. */
async function validateBatch(db: Database, tenantId: string, jobs: ValidateJob[]): Promise<(ValidateAnswer | Error)[]> {
  return db.withTenant(tenantId, async (tx) => {
    const facts = await loadLockedFacts(tx, tenantId, {
      promoCodes: [...new Set(jobs.map((j) => j.promo_code))], keys: [],
      customerKeys: [...new Set(jobs.flatMap((j) => (j.customerKey ? [j.customerKey] : [])))], nows: jobs.map((j) => j.now),
    }, { lock: false });
    const attemptOf = (j: ValidateJob) => ({
      surface: j.surface, order_total_cents: j.order_total_cents, customerKey: j.customerKey, locationId: j.locationId, now: j.now,
    });
    const sketchOf = (j: ValidateJob) => facts.pre.codes.get(j.promo_code);
    const planned = jobs.flatMap((j) => (sketchOf(j) ? [{ ...attemptOf(j), sketch: sketchOf(j)! }] : []));
    const { codes, book } = planned.length
      ? await lockedFactBook(tx, tenantId, facts, planned, { lock: false })
      : { codes: new Map(), book: null };
    return jobs.map((j) => {
      const code = codes.get(sketchOf(j)?.code_id ?? "");
      if (!code || !book) return notFound("Promo code");
      const decision = decideRedemption(factsFor(book, { ...attemptOf(j), code }).facts);
      // An invalid code is worth nothing: a connector that forgets to read `valid` still applies 0.
      return { valid: decision.allowed, discount_cents: decision.allowed ? decision.discount_cents : 0, reasons: decision.reasons };
    });
  });
}

type Waiter = { job: ValidateJob; resolve: (a: ValidateAnswer) => void; reject: (e: unknown) => void };

/** One tenant's waiting validations and whether a read is in flight. */
class ValidateQueue {
  private waiting: Waiter[] = [];
  private running = false;
  constructor(private readonly db: Database, private readonly tenantId: string) {}

  /** Queues a validation; it joins the next read. */
  submit(job: ValidateJob): Promise<ValidateAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.waiting.length) {
        // One macrotask turn first, so callers re-submitting in microtasks join this read.
        await new Promise((r) => setImmediate(r));
        const batch = this.waiting.splice(0, MAX_BATCH);
        let answers: (ValidateAnswer | Error)[] | null = null;
        try {
          answers = await validateBatch(this.db, this.tenantId, batch.map((w) => w.job));
        } catch (err) {
          // A failed shared read must not fail the others: each runs alone (a lone failure is its own error).
          if (batch.length === 1) batch[0].reject(mapDbError(err));
        }
        const got = answers;
        if (got) batch.forEach((w, i) => (got[i] instanceof Error ? w.reject(got[i]) : w.resolve(got[i] as ValidateAnswer)));
        else if (batch.length > 1) await Promise.all(batch.map((w) => this.alone(w)));
      }
    } finally {
      this.running = false;
    }
  }

  private async alone(w: Waiter) {
    try {
      const [a] = await validateBatch(this.db, this.tenantId, [w.job]);
      if (a instanceof Error) w.reject(a);
      else w.resolve(a);
    } catch (err) {
      w.reject(mapDbError(err));
    }
  }
}

const queues = new WeakMap<Database, Map<string, ValidateQueue>>();

/** Submits a validation through the tenant's group-read queue (one queue per database handle and tenant). */
export function submitValidation(db: Database, tenantId: string, job: ValidateJob): Promise<ValidateAnswer> {
  let byTenant = queues.get(db);
  if (!byTenant) queues.set(db, (byTenant = new Map()));
  let q = byTenant.get(tenantId);
  if (!q) byTenant.set(tenantId, (q = new ValidateQueue(db, tenantId)));
  return q.submit(job);
}
