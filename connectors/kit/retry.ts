// Retries for a connector's calls to the core: saturation (503), rate limits (429) and network
// failures are retried with exponential backoff and jitter, honouring Retry-After; a 4xx never is
// (the same request would be refused the same way). Safe for writes because redeem and reserve carry
// an Idempotency-Key: a retried write converges on the first one.

/** Backoff knobs; the defaults give up after about 7 s of trying. */
export type RetryOptions = {
  /** Attempts after the first one. */
  retries?: number;
  /** First delay; doubles on each retry. */
  baseDelayMs?: number;
  /** Ceiling for one delay, and for a Retry-After the server asks for. */
  maxDelayMs?: number;
  /** Injected for tests; resolves after ms. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, for logs and metrics. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether an HTTP status is worth trying again. */
export function retryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/** The delay before retry number `attempt` (1-based): Retry-After when given, else backoff with jitter. */
export function backoffDelay(attempt: number, opts: RetryOptions, retryAfter?: string | null): number {
  const max = opts.maxDelayMs ?? 4_000;
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, max);
  const base = (opts.baseDelayMs ?? 200) * 2 ** (attempt - 1);
  return Math.min(max, base / 2 + Math.random() * (base / 2));
}

/** Wraps a fetch so each Request is retried per the rules above; the body is re-sent from a clone. */
export function retryingFetch(
  inner: (req: Request) => Promise<Response>,
  opts: RetryOptions = {},
): (req: Request) => Promise<Response> {
  const retries = opts.retries ?? 4;
  const sleep = opts.sleep ?? defaultSleep;
  return async (req: Request) => {
    for (let attempt = 0; ; attempt++) {
      const copy = req.clone();
      let res: Response | null = null;
      let reason: string;
      try {
        res = await inner(copy);
        if (!retryableStatus(res.status) || attempt >= retries) return res;
        reason = `HTTP ${res.status}`;
      } catch (err) {
        if (attempt >= retries) throw err;
        reason = err instanceof Error ? err.message : String(err);
      }
      const delayMs = backoffDelay(attempt + 1, opts, res?.headers.get("retry-after"));
      await res?.body?.cancel().catch(() => {});
      opts.onRetry?.({ attempt: attempt + 1, delayMs, reason });
      await sleep(delayMs);
    }
  };
}
