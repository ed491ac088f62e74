import { describe, expect, it } from "vitest";
import { describeForLog } from "@/db/errors";

// Logs never hold SQL parameters, row values from the driver's detail, or anything shaped like our keys.

describe("describeForLog", () => {
  it("drops drizzle's params and the driver's detail, keeps the SQLSTATE", () => {
    const cause = Object.assign(new Error("duplicate key value"), { code: "23505", detail: "Key (customer_id)=(cust-42) exists" });
    const err = Object.assign(new Error("Failed query: insert into x values ($1, $2)\nparams: cust-42,secret"), { cause });
    const line = describeForLog(err);
    expect(line).toContain("Failed query: insert into x");
    expect(line).toContain("[sqlstate 23505]");
    expect(line).not.toMatch(/cust-42|secret|params/);
  });

  it("redacts tenant and platform keys wherever they appear", () => {
    const tenantKey = `ock_${"a".repeat(32)}_${"B".repeat(43)}`;
    const platformKey = `ocp_${"c".repeat(43)}`;
    const line = describeForLog(new Error(`bad header Bearer ${tenantKey} and ${platformKey}`));
    expect(line).not.toContain("B".repeat(20));
    expect(line).not.toContain("c".repeat(20));
    expect(line).toContain("[redacted]");
  });
});
