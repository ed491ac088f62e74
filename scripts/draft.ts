// npm run draft -- "<brief>" [--today YYYY-MM-DD] [--api-key KEY]
// Plans one brief (goal_setting → offer_creation → validation) against the demo tenant, or the key's
// tenant, on the app's database, and prints {"draft", "validation", "forecast"} as JSON. Writes nothing but the seed.
process.env.LANGSMITH_TRACING ??= "false";
process.env.COPILOTKIT_TELEMETRY_DISABLED ??= "true";
process.env.DO_NOT_TRACK ??= "1";

export {};

const USAGE = 'usage: npm run draft -- "<brief>" [--today YYYY-MM-DD] [--api-key KEY]';

/** Flags → options; anything unknown is a usage error, not a silently ignored typo. */
function parseArgs(argv: string[]): { brief: string; today?: string; apiKey?: string } {
  const words: string[] = [];
  let today: string | undefined;
  let apiKey: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--today") today = argv[++i];
    else if (a.startsWith("--today=")) today = a.slice(8);
    else if (a === "--api-key") apiKey = argv[++i];
    else if (a.startsWith("--api-key=")) apiKey = a.slice(10);
    else if (a.startsWith("--")) throw new Error(`unknown flag ${a}; ${USAGE}`);
    else words.push(a);
  }
  if (!words.join(" ").trim()) throw new Error(USAGE);
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD; ${USAGE}`);
  return { brief: words.join(" "), today, apiKey };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { env } = await import("@/env");
  const { getDatabase } = await import("@/db/client");
  const { ensureDemoSeed } = await import("@/db/seed");
  const { authenticate } = await import("@/tools/authenticate");
  const { createDraftModel } = await import("@/agent/model");
  const { createPlanner, demoCaller, reasonsOf } = await import("@/agent/plan");
  const { toolRunner } = await import("@/tools/copilot");

  const db = await getDatabase();
  try {
    const demo = await ensureDemoSeed(db, { dataDir: env.DATA_DIR, platformKeyFromEnv: env.PLATFORM_API_KEY });
    const caller = args.apiKey ? await authenticate(db, `Bearer ${args.apiKey}`, env.PLATFORM_API_KEY) : demoCaller(demo.tenant_id);
    if (!caller.tenantId) throw new Error("the platform key belongs to no tenant; pass a tenant key (admin or marketer)");
    const now = () => new Date();
    const plan = createPlanner({ tools: toolRunner(db, now), model: createDraftModel(), now });
    const out = await plan({ brief: args.brief, today: args.today, caller: { ...caller, issuerType: "agent" } });
    console.log(JSON.stringify({ draft: out.draft, validation: { ...out.validation, reasons: reasonsOf(out.validation) }, forecast: out.forecast }, null, 2));
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`draft: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
