import { describe, expect, it } from "vitest";
import { AppError, invalidInput, rejected } from "@/core/errors";
import { plainError } from "@/lib/ui/plain-errors";

// Issue 16 items 5 and 10: refusals reach the screen in plain words, with field errors for inline display
// and the server's sentences as they are (the core already writes amounts as money) — never a tool's name.

describe("plainError", () => {
  it("keys field errors by field and names them in words", () => {
    const r = plainError(invalidInput("Invalid input for set_discount_policy", [{ field: "max_percent", message: "Number must be less than or equal to 100" }]));
    expect(r.error).toBe("Not saved: Maximum % must be less than or equal to 100.");
    expect(r.error).not.toContain("set_discount_policy");
    expect(plainError(invalidInput("x", [{ field: "total_budget_cents", message: "Number must be greater than or equal to 0" }])).fields).toEqual({ total_budget_cents: "must be 0 or more" });
  });

  it("says an unknown location in words in the general line too, never the tool's 'no such location'", () => {
    const [a, b] = ["3f2c1a9e-0000-4000-8000-000000000001", "3f2c1a9e-0000-4000-8000-000000000002"];
    const err = invalidInput("The redemption control names unknown objects", [
      { field: "location_restrictions", message: `no such location ${a}` }, { field: "usage_limit", message: "Expected number, received nan" },
    ]);
    const r = plainError(err);
    expect(r.error).toBe(`Not saved: "${a}" is not one of your locations; Usage limit must be a number.`);
    expect(r.fields).toEqual({ location_restrictions: `"${a}" is not one of your locations.`, usage_limit: "must be a number" });
    const two = plainError(invalidInput("x", [a, b].map((id) => ({ field: "location_restrictions", message: `no such location ${id}` }))));
    expect(two.error).toBe(`Not saved: "${a}" is not one of your locations; "${b}" is not one of your locations.`);
    expect(two.error).not.toMatch(/no such location|location restrictions/);
  });

  it("shows the server's sentences as they are and lists every reason", () => {
    const r = plainError(rejected([{ code: "budget_exhausted", message: "This discount is ¥1,000 but only ¥500 is left" }, { code: "kpi_floor", message: "profit is -1" }]));
    expect(r.error).toBe("This discount is ¥1,000 but only ¥500 is left (profit is -1)");
    expect(plainError(new AppError("forbidden", "Only an admin may do this")).error).toBe("Only an admin may do this");
  });
});
