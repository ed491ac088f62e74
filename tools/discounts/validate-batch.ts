import { notFound } from "@/core/errors";
import { decideRedemption, type GovernanceReason } from "@/core/governance";
import type { Database } from "@/db/database";
import { mapDbError } from "@/db/errors";
import { lockedFactBook } from "./redeem-book";
import { loadLockedFacts } from "./redeem-locks";
import { factsFor } from "./redemption-facts";
import { batcherRegistry, type Waiter as BatchWaiter } from "./tenant-batcher";

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

type Waiter = BatchWaiter<ValidateJob, ValidateAnswer>;

/** One shared read; when it fails, each validation runs alone (a lone failure is its own error). */
async function runBatch(db: Database, tenantId: string, batch: Waiter[]) {
  let answers: (ValidateAnswer | Error)[] | null = null;
  try {
    answers = await validateBatch(db, tenantId, batch.map((w) => w.job));
  } catch (err) {
    if (batch.length === 1) return batch[0].reject(mapDbError(err));
  }
  if (answers) return batch.forEach((w, i) => settle(w, answers[i]));
  await Promise.all(batch.map(async (w) => {
    try {
      settle(w, (await validateBatch(db, tenantId, [w.job]))[0]);
    } catch (err) {
      w.reject(mapDbError(err));
    }
  }));
}

/** Answers one caller with its validation, or its own error. */
function settle(w: Waiter, a: ValidateAnswer | Error) {
  if (a instanceof Error) w.reject(a);
  else w.resolve(a);
}

const validateQueue = batcherRegistry<ValidateJob, ValidateAnswer>({ run: runBatch, maxBatch: MAX_BATCH });

/** Submits a validation through the tenant's group-read queue (one queue per database handle and tenant). */
export function submitValidation(db: Database, tenantId: string, job: ValidateJob): Promise<ValidateAnswer> {
  return validateQueue(db, tenantId).submit(job);
}
