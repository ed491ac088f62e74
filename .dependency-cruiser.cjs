// The house as drawn (README, issue 14): layers only point down.
//   app (app/, components/, lib/) → server/ → agent/ → tools/ → core/,  tools/ → db/ → core/
//   core/ imports nothing of ours; connectors/ import nothing of ours but connectors/kit.
// env.ts is the one configuration leaf: any layer but core/ and connectors/ may read it.
// `npm run lint:deps` checks it (scripts/lint-deps.mjs), and `npm test` runs that first.

const PRODUCT = "(app|components|lib|server|agent|tools|db|core|connectors)";
const OUTSIDE = "(tests|scripts|bench|evals)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-nothing-of-ours",
      comment: "core/ is pure rules and vocabulary: facts in, decisions out.",
      severity: "error",
      from: { path: "^core/" },
      to: { path: `^(${PRODUCT.slice(1, -1)}|${OUTSIDE.slice(1, -1)})/|^env\\.ts$`, pathNot: "^core/" },
    },
    {
      name: "db-imports-only-core",
      comment: "db/ is schema, drivers and row-level helpers; it knows core/ and nothing above it.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: `^(app|components|lib|server|agent|tools|connectors|${OUTSIDE.slice(1, -1)})/` },
    },
    {
      name: "tools-point-down",
      comment: "tools/ may use core/ and db/; never the agent, the server or the UI.",
      severity: "error",
      from: { path: "^tools/" },
      to: { path: `^(app|components|lib|server|agent|connectors|${OUTSIDE.slice(1, -1)})/` },
    },
    {
      name: "agent-acts-through-tools",
      comment: "agent/ reaches persistence through tools (runTool), never db/ directly.",
      severity: "error",
      from: { path: "^agent/" },
      to: { path: `^(app|components|lib|server|db|connectors|${OUTSIDE.slice(1, -1)})/` },
    },
    {
      name: "server-below-app",
      comment: "server/ is the composition root: anything below the app, nothing of the app.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: `^(app|components|lib|${OUTSIDE.slice(1, -1)})/` },
    },
    {
      name: "app-not-to-db",
      comment: "The UI and routes reach data through tools (and the server's singletons), not db/.",
      severity: "error",
      from: { path: "^(app|components|lib)/" },
      to: { path: `^(db|${OUTSIDE.slice(1, -1)})/` },
    },
    {
      name: "connectors-use-only-kit",
      comment: "A connector is an outside client of the API: it imports nothing of ours but connectors/kit.",
      severity: "error",
      from: { path: "^connectors/" },
      to: { path: `^(app|components|lib|server|agent|tools|db|core|${OUTSIDE.slice(1, -1)})/|^env\\.ts$` },
    },
    {
      name: "connectors-not-each-other",
      comment: "One connector never imports another; shared code lives in connectors/kit.",
      severity: "error",
      from: { path: "^connectors/([^/]+)/", pathNot: "^connectors/kit/" },
      to: { path: "^connectors/", pathNot: ["^connectors/kit/", "^connectors/$1/"] },
    },
    {
      name: "kit-imports-no-connector",
      comment: "connectors/kit is shared by every connector, so it names none of them.",
      severity: "error",
      from: { path: "^connectors/kit/" },
      to: { path: "^connectors/", pathNot: "^connectors/kit/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a deleted file.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.data|artifacts)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
