import path from "node:path";
import { defineConfig } from "vitest/config";

// One command runs everything: unit tests, database tests twice (PGlite and PostgreSQL), PostgreSQL-only
// concurrency tests (*.pg.test.ts: PGlite has one connection), browser tests.
const alias = { "@": path.resolve(import.meta.dirname) };
const common = { alias, environment: "node" as const };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { ...common, name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/**/*.int.test.ts", "tests/**/*.pg.test.ts", "tests/e2e/**", "node_modules/**"] } },
      { resolve: { alias }, test: { ...common, name: "db:pglite", include: ["tests/**/*.int.test.ts"], exclude: ["tests/e2e/**"], env: { TEST_DB: "pglite" }, testTimeout: 180_000, hookTimeout: 180_000 } },
      { resolve: { alias }, test: { ...common, name: "db:postgres", include: ["tests/**/*.int.test.ts", "tests/**/*.pg.test.ts"], exclude: ["tests/e2e/**"], env: { TEST_DB: "pg" }, testTimeout: 180_000, hookTimeout: 180_000 } },
      { resolve: { alias }, test: { ...common, name: "e2e", include: ["tests/e2e/**/*.test.ts"], globalSetup: ["tests/e2e/support/global-setup.ts"], testTimeout: 120_000, hookTimeout: 480_000, fileParallelism: false } },
    ],
  },
});
