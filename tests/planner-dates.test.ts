import { describe, expect, it } from "vitest";
import { planOffline } from "@/agent/planner";
import { extractDates } from "@/agent/planner/dates";
import { addDays, lastDay, substituteHolidays, weekday } from "@/agent/planner/calendar";

// Each date form the planner promises, resolved against an injected today (a Saturday).

const today = "2026-11-21";
const dates = (brief: string, on = today) => {
  const { startDate, endDate } = planOffline(brief, { today: on }).draft;
  return [startDate, endDate];
};

describe("date forms", () => {
  it.each([
    ["runs Dec 1–31", "2026-12-01", "2026-12-31"],
    ["valid in December", "2026-12-01", "2026-12-31"],
    ["next month", "2026-12-01", "2026-12-31"],
    ["through Black Friday", null, "2026-11-27"],
    ["ends Sunday", null, "2026-11-22"],
    ["expires 12/31", null, "2026-12-31"],
    ["for two weeks starting Monday", "2026-11-23", "2026-12-06"],
    ["Q4 push", "2026-10-01", "2026-12-31"],
    ["Q1 push", "2027-01-01", "2027-03-31"],
    ["until Jan 15", null, "2027-01-15"],
    ["from December 10 to January 5", "2026-12-10", "2027-01-05"],
    ["Black Friday through Cyber Monday", "2026-11-27", "2026-11-30"],
    ["starting today for 10 days", "2026-11-21", "2026-11-30"],
    ["through the end of the year", null, "2026-12-31"],
    ["through the end of the month", null, "2026-11-30"],
    ["next week", "2026-11-23", "2026-11-29"],
    ["this weekend", "2026-11-21", "2026-11-22"],
    ["today only", "2026-11-21", "2026-11-21"],
    ["Cyber Monday only", "2026-11-30", "2026-11-30"],
    ["from December first through December twenty-fourth", "2026-12-01", "2026-12-24"],
    ["Jan 4–Jan 20", "2027-01-04", "2027-01-20"],
    ["12/5-12/20", "2026-12-05", "2026-12-20"],
    ["starts 2026-12-05, ends 2026-12-20", "2026-12-05", "2026-12-20"],
    ["starts Dec 5 and runs 3 weeks", "2026-12-05", "2026-12-25"],
    ["for 2 months starting Jan 1", "2027-01-01", "2027-02-28"],
  ] as const)("%s", (brief, start, end) => {
    expect(dates(brief)).toEqual([start, end]);
  });

  it("a month with no year is its next occurrence, never the past", () => {
    expect(dates("all of March")).toEqual(["2027-03-01", "2027-03-31"]);
    expect(dates("ends October 31")).toEqual([null, "2027-10-31"]);
    // The current month counts as upcoming.
    expect(dates("all November long")).toEqual(["2026-11-01", "2026-11-30"]);
  });

  it("'may' the verb is not May the month", () => {
    expect(dates("customers may redeem it twice")).toEqual([null, null]);
    expect(dates("runs in May")).toEqual(["2027-05-01", "2027-05-31"]);
  });

  it("a holiday named as a theme is not a date", () => {
    const r = planOffline("Halloween costume sale, 20% off", { today: "2026-10-01" });
    expect([r.draft.startDate, r.draft.endDate]).toEqual([null, null]);
    expect(r.notes.join(" ")).toMatch(/holiday/);
    expect(dates("Christmas sale Dec 15–24")).toEqual(["2026-12-15", "2026-12-24"]);
  });

  it("a recurring weekday is not a start date", () => {
    expect(dates("10% off for seniors every Tuesday")).toEqual([null, null]);
  });

  it("vague phrases stay empty", () => {
    expect(dates("mid-December")).toEqual([null, null]);
    expect(dates("next weekend")).toEqual([null, null]);
    expect(dates("for two weeks")).toEqual([null, null]);
  });
});

describe("day-first and month-first slashed dates", () => {
  it("day-first only when it cannot be month-first", () => {
    expect(dates("£5 off until 25/12")).toEqual([null, "2026-12-25"]);
    expect(dates("€5 off, 1/12 - 31/12")).toEqual(["2026-12-01", "2026-12-31"]);
  });

  it("both numbers ≤ 12 in a £/€ brief is ambiguous: left empty", () => {
    const r = extractDates("until 04/05", today, { dayFirstLocale: true });
    expect(r.endDate).toBeNull();
    expect(r.notes[0]).toMatch(/04\/05/);
  });

  it("a US brief reads month-first", () => {
    expect(dates("$5 off until 04/05")).toEqual([null, "2027-04-05"]);
  });

  it("24/7 is not a date", () => {
    expect(dates("support 24/7, 10% off")).toEqual([null, null]);
  });
});

describe("calendar helpers", () => {
  it("computes month lengths, weekdays and day offsets", () => {
    expect(lastDay(2028, 2)).toBe(29);
    expect(weekday("2026-11-21")).toBe(6);
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
  });

  it("resolves floating holidays to their next occurrence", () => {
    expect(substituteHolidays("thanksgiving", "2026-11-21").text).toBe("november 26 2026");
    expect(substituteHolidays("memorial day", "2026-11-21").text).toBe("may 31 2027");
    expect(substituteHolidays("easter", "2026-11-21").text).toBe("march 28 2027");
    expect(substituteHolidays("black friday", "2026-11-28").text).toBe("november 26 2027");
  });

  it("is independent of the process clock", () => {
    expect(dates("next month", "2030-12-10")).toEqual(["2031-01-01", "2031-01-31"]);
  });
});
