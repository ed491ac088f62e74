import { z } from "zod";

// Read and validated once: every module imports `env` instead of touching process.env,
// so a bad setting fails at start with a clear message rather than deep in a request.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Set → node-postgres against that server; unset → embedded PGlite under DATA_DIR. On PostgreSQL this is the
  // app's login role: not a superuser, not the schema owner, no BYPASSRLS (README "PostgreSQL roles").
  DATABASE_URL: z.string().url().optional(),
  // The schema owner, for migrations and the demo seed at start only; unset → DATABASE_URL does both.
  DATABASE_OWNER_URL: z.string().url().optional(),
  // How long the database may hold a request (ms; 0 = off): connect, one statement, a lock wait, idle in a transaction.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  // Session cookie Secure flag: auto = Secure (and __Host- prefixed) unless the browser reached us over plain
  // http on a non-loopback host (judged by the request's Origin); true/false force it.
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  // Browser sessions end after this long without a request, and in any case after SESSION_MAX_HOURS.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // Where the embedded database lives; relative paths resolve against the working dir.
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Platform ("god") key; when unset in embedded mode one is generated and stored on first start.
  PLATFORM_API_KEY: z.string().min(16).optional(),
  // Any OpenAI-compatible server turns the LLM planner on; absent → offline planner.
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  // Seed the "Kigo Demo" tenant and offer demo sign-in (CONTRACT §5, §7). Unset: on only for the embedded demo
  // (no DATABASE_URL, NODE_ENV not production); with either, only an explicit DEMO_SEED=true turns it on.
  DEMO_SEED: z.enum(["true", "false"]).optional(),
  // Pool size for node-postgres; the redeem path batches, so a small pool goes far.
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
}).transform((e) => {
  const embeddedDemo = !e.DATABASE_URL && e.NODE_ENV !== "production";
  const demo = e.DEMO_SEED === "true" || (e.DEMO_SEED === undefined && embeddedDemo);
  // DEMO_SEED_FORCED: the demo was switched on where it is off by default; the start banner warns every time.
  return { ...e, DEMO_SEED: demo, DEMO_SEED_FORCED: demo && !embeddedDemo };
});

export type Env = z.output<typeof EnvSchema>;

/** Parses an env record; exported so tests can build variants without mutating process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The process environment, parsed once at first import. */
export const env: Env = parseEnv(process.env);
// Pin the demo decision for this process: Next's bundled copy of this module may later see NODE_ENV=production
// (Next sets it itself) and must agree with the server that decided at start.
process.env.DEMO_SEED ??= String(env.DEMO_SEED);
