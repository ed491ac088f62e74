import { z } from "zod";

// Read and validated once: every module imports `env` instead of touching process.env,
// so a bad setting fails at start with a clear message rather than deep in a request.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Set → node-postgres against that server; unset → embedded PGlite under DATA_DIR.
  DATABASE_URL: z.string().url().optional(),
  // Where the embedded database lives; relative paths resolve against the working dir.
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Platform ("god") key; when unset in embedded mode one is generated and stored on first start.
  PLATFORM_API_KEY: z.string().min(16).optional(),
  // Any OpenAI-compatible server turns the LLM planner on; absent → offline planner.
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  // Seed the "Kigo Demo" tenant and print its keys at start (CONTRACT §5); off for real deployments.
  DEMO_SEED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  // Pool size for node-postgres; the redeem path batches, so a small pool goes far.
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
});

export type Env = z.infer<typeof EnvSchema>;

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
