// Checks the dependency rule in .dependency-cruiser.cjs and exits 1 on any violation.
// Why not the depcruise CLI: it refuses Node 20 (its engines field), while the API it wraps runs fine.
import { existsSync } from "node:fs";
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const ROOTS = ["app", "components", "lib", "server", "agent", "tools", "db", "core", "connectors", "env.ts", "instrumentation.ts"];

const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
const result = await cruise(
  ROOTS.filter((r) => existsSync(r)),
  { ...options, validate: true, outputType: "err-long" },
  {},
  { tsConfig: extractTSConfig("tsconfig.json") },
);
process.stdout.write(String(result.output));
console.log(result.exitCode ? "dependency rule: violations (see above)" : "dependency rule: OK (layers point down)");
process.exit(result.exitCode ? 1 : 0);
