import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

// CONTRACT §7: the demo is on by default only for the embedded demo; elsewhere only DEMO_SEED=true turns it on,
// and then it is flagged so the start banner warns on every start.

describe("DEMO_SEED default", () => {
  it("embedded (no DATABASE_URL, not production): on, not flagged", () => {
    expect(parseEnv({})).toMatchObject({ DEMO_SEED: true, DEMO_SEED_FORCED: false });
    expect(parseEnv({ DEMO_SEED: "false" })).toMatchObject({ DEMO_SEED: false });
  });
  it("with DATABASE_URL or NODE_ENV=production: off unless DEMO_SEED=true, which is flagged", () => {
    for (const base of [{ DATABASE_URL: "postgres://app@db/x" }, { NODE_ENV: "production" }]) {
      expect(parseEnv(base)).toMatchObject({ DEMO_SEED: false, DEMO_SEED_FORCED: false });
      expect(parseEnv({ ...base, DEMO_SEED: "" })).toMatchObject({ DEMO_SEED: false });
      expect(parseEnv({ ...base, DEMO_SEED: "true" })).toMatchObject({ DEMO_SEED: true, DEMO_SEED_FORCED: true });
    }
  });
  it("database timeouts and cookie settings have defaults and are validated", () => {
    expect(parseEnv({})).toMatchObject({ DB_STATEMENT_TIMEOUT_MS: 15_000, DB_LOCK_TIMEOUT_MS: 5_000, COOKIE_SECURE: "auto" });
    expect(() => parseEnv({ COOKIE_SECURE: "maybe" })).toThrow(/COOKIE_SECURE/);
    expect(() => parseEnv({ DB_STATEMENT_TIMEOUT_MS: "-1" })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });
});
