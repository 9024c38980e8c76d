import { describe, expect, it } from "vitest";
import { widgetOpenState } from "./open-hours";

const weekdays9to17 = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" };
const london = { timeZone: "Europe/London", holidays: new Set<string>() };

describe("widgetOpenState", () => {
  it("is always open without opening hours", () => {
    expect(widgetOpenState({ openHours: null }, london, new Date("2026-12-06T03:00:00Z"))).toEqual({ isOpen: true, nextOpening: null });
  });

  it("is open inside the hours, in the company's zone", () => {
    // Friday 2026-12-04 10:00 in London (GMT in December).
    expect(widgetOpenState({ openHours: weekdays9to17 }, london, new Date("2026-12-04T10:00:00Z")).isOpen).toBe(true);
    // 09:30 in New York is 14:30 in London: open for a London company, closed for one in New York.
    expect(widgetOpenState({ openHours: weekdays9to17 }, { ...london, timeZone: "America/New_York" }, new Date("2026-12-04T13:00:00Z")).isOpen).toBe(false);
  });

  it("finds the next opening across a weekend and a holiday", () => {
    const saturday = new Date("2026-12-05T12:00:00Z");
    expect(widgetOpenState({ openHours: weekdays9to17 }, london, saturday)).toEqual({ isOpen: false, nextOpening: new Date("2026-12-07T09:00:00Z") });
    const withHoliday = { ...london, holidays: new Set(["2026-12-07"]) };
    expect(widgetOpenState({ openHours: weekdays9to17 }, withHoliday, saturday).nextOpening).toEqual(new Date("2026-12-08T09:00:00Z"));
  });

  it("opens nothing for a stored period that no longer parses", () => {
    expect(widgetOpenState({ openHours: { weekdays: "every" } }, london, new Date())).toEqual({ isOpen: false, nextOpening: null });
  });
});
