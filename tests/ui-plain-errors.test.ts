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

  it("shows the server's sentences as they are and lists every reason", () => {
    const r = plainError(rejected([{ code: "budget_exhausted", message: "This discount is ¥1,000 but only ¥500 is left" }, { code: "kpi_floor", message: "profit is -1" }]));
    expect(r.error).toBe("This discount is ¥1,000 but only ¥500 is left (profit is -1)");
    expect(plainError(new AppError("forbidden", "Only an admin may do this")).error).toBe("Only an admin may do this");
  });
});
