import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "./local-day";

describe("startOfLocalDay", () => {
  it.each([
    ["2026-12-03T05:00:00Z", "Europe/London", "2026-12-03T00:00:00.000Z"],
    ["2026-12-03T04:59:59Z", "America/New_York", "2026-12-02T05:00:00.000Z"],
    ["2026-12-03T23:30:00Z", "Asia/Tokyo", "2026-12-03T15:00:00.000Z"],
    // The day the clocks go forward starts in winter time; the next one in summer time.
    ["2026-03-29T12:00:00Z", "Europe/London", "2026-03-29T00:00:00.000Z"],
    ["2026-03-30T12:00:00Z", "Europe/London", "2026-03-29T23:00:00.000Z"],
    ["2026-10-25T12:00:00Z", "Europe/London", "2026-10-24T23:00:00.000Z"],
  ])("%s in %s began at %s", (now, zone, expected) => {
    expect(startOfLocalDay(new Date(now), zone).toISOString()).toBe(expected);
  });
});

describe("startOfLocalDay where the clocks skip midnight", () => {
  it("starts the day at 01:00 (America/Santiago, 2026-09-06)", () => {
    expect(startOfLocalDay(new Date("2026-09-06T15:00:00Z"), "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });
});
