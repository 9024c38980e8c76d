import { describe, expect, it } from "vitest";
import { dayRange, foldDays, localDate, totalOf } from "./domain";

describe("[USAGE] days of the window", () => {
  it("takes the date in the customer's zone, not the server's", () => {
    const lateEvening = new Date("2026-03-01T23:30:00Z");
    expect(localDate(lateEvening, "Europe/London")).toBe("2026-03-01");
    expect(localDate(lateEvening, "Europe/Berlin")).toBe("2026-03-02");
    expect(localDate(lateEvening, "America/New_York")).toBe("2026-03-01");
  });

  it("lists consecutive dates oldest first, across month ends and DST changes", () => {
    expect(dayRange("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    const window = dayRange("2026-04-10", 30);
    expect(window).toHaveLength(30);
    expect(window[0]).toBe("2026-03-12");
    expect(new Set(window).size).toBe(30); // the March DST change neither skips nor repeats a date
  });

  it("refuses a date it cannot read", () => {
    expect(() => dayRange("yesterday", 2)).toThrow();
  });
});

describe("[USAGE] folding daily rows", () => {
  const dates = ["2026-03-01", "2026-03-02", "2026-03-03"];

  it("gives every date an entry, zero when it had no calls, and skips rows outside the window", () => {
    const days = foldDays(dates, [
      { day: "2026-03-02", currency: null, calls: 2, billableSec: 90, cost: null },
      { day: "2026-02-27", currency: "GBP", calls: 9, billableSec: 900, cost: "9" },
    ]);
    expect(days).toEqual([
      { date: "2026-03-01", calls: 0, billableSec: 0, charges: [] },
      { date: "2026-03-02", calls: 2, billableSec: 90, charges: [] },
      { date: "2026-03-03", calls: 0, billableSec: 0, charges: [] },
    ]);
  });

  it("adds one day's currencies separately and exactly, and totals them over the window", () => {
    const days = foldDays(dates, [
      { day: "2026-03-01", currency: "GBP", calls: 1, billableSec: 60, cost: "0.1" },
      { day: "2026-03-01", currency: null, calls: 3, billableSec: 30, cost: null },
      { day: "2026-03-03", currency: "GBP", calls: 1, billableSec: 120, cost: "0.2" },
      { day: "2026-03-03", currency: "EUR", calls: 1, billableSec: 10, cost: "0.00125" },
    ]);
    expect(days[0]).toEqual({ date: "2026-03-01", calls: 4, billableSec: 90, charges: [{ currency: "GBP", amount: "0.1" }] });
    expect(totalOf(days)).toEqual({
      calls: 6,
      billableSec: 220,
      // 0.1 + 0.2 in floating point would be 0.30000000000000004.
      charges: [{ currency: "GBP", amount: "0.3" }, { currency: "EUR", amount: "0.00125" }],
    });
  });
});
