import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { daysIn, eachDay, rangeInstants, resolveRange } from "./range";

describe("resolveRange", () => {
  // Monday 2027-03-29 at 00:30 BST is still Sunday the 28th in UTC.
  const mondayLondon = new Date("2027-03-28T23:30:00Z");

  it("reads today in the company's zone", () => {
    expect(resolveRange({ preset: "today" }, mondayLondon, "Europe/London")).toEqual({ from: "2027-03-29", to: "2027-03-29" });
    expect(resolveRange({ preset: "today" }, mondayLondon, "UTC")).toEqual({ from: "2027-03-28", to: "2027-03-28" });
  });

  it("starts the week on Monday, including when today is Sunday or Monday", () => {
    expect(resolveRange({ preset: "week" }, mondayLondon, "Europe/London")).toEqual({ from: "2027-03-29", to: "2027-03-29" });
    expect(resolveRange({ preset: "week" }, mondayLondon, "UTC")).toEqual({ from: "2027-03-22", to: "2027-03-28" });
    expect(resolveRange({ preset: "week" }, new Date("2027-03-31T12:00:00Z"), "UTC")).toEqual({ from: "2027-03-29", to: "2027-03-31" });
  });

  it("starts the month on the 1st", () => {
    expect(resolveRange({ preset: "month" }, mondayLondon, "Europe/London")).toEqual({ from: "2027-03-01", to: "2027-03-29" });
    expect(resolveRange({ preset: "month" }, new Date("2027-03-01T00:10:00Z"), "Europe/London")).toEqual({ from: "2027-03-01", to: "2027-03-01" });
  });

  it("accepts a custom range up to MAX_REPORT_DAYS and refuses longer or reversed ones", () => {
    expect(resolveRange({ preset: "custom", from: "2027-01-01", to: "2028-01-01" }, mondayLondon, "UTC")).toEqual({ from: "2027-01-01", to: "2028-01-01" });
    expect(() => resolveRange({ preset: "custom", from: "2027-01-01", to: "2028-01-02" }, mondayLondon, "UTC")).toThrow(AppError);
    expect(() => resolveRange({ preset: "custom", from: "2027-01-02", to: "2027-01-01" }, mondayLondon, "UTC")).toThrow(/ends before/);
  });
});

describe("days and instants", () => {
  it("counts and lists days across a month end", () => {
    expect(daysIn({ from: "2027-02-27", to: "2027-03-02" })).toBe(4);
    expect(eachDay({ from: "2027-02-27", to: "2027-03-02" })).toEqual(["2027-02-27", "2027-02-28", "2027-03-01", "2027-03-02"]);
  });

  it("bounds a London DST day by its local midnights (23 hours long)", () => {
    const { start, end } = rangeInstants({ from: "2027-03-28", to: "2027-03-28" }, "Europe/London");
    expect(start.toISOString()).toBe("2027-03-28T00:00:00.000Z");
    expect(end.toISOString()).toBe("2027-03-28T23:00:00.000Z");
  });
});
