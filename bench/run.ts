// Benchmark dispatcher: `npm run bench -- <name>`. Each benchmark is a module with a default `run(args)`;
// add one by adding a line to BENCHES.

type Bench = { default: (args: string[]) => Promise<void> };

const BENCHES: Record<string, () => Promise<Bench>> = {
  redeem: () => import("./redeem"),
  http: () => import("./http"),
  "upload-stall": () => import("./upload-stall"),
  planner: () => import("./planner"),
  analytics: () => import("./analytics"),
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [args]`);
    process.exit(2);
  }
  await (await load()).default(args);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
