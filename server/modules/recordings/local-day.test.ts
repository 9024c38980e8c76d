import { describe, expect, it } from "vitest";
import { endOfLocalDate, startOfLocalDate } from "./local-day";

describe("startOfLocalDate / endOfLocalDate", () => {
  it.each([
    ["UTC", "2026-12-02", "2026-12-02T00:00:00.000Z", "2026-12-03T00:00:00.000Z"],
    ["Europe/London", "2026-07-10", "2026-07-09T23:00:00.000Z", "2026-07-10T23:00:00.000Z"],
    ["Pacific/Kiritimati", "2026-12-02", "2026-12-01T10:00:00.000Z", "2026-12-02T10:00:00.000Z"],
    ["Pacific/Pago_Pago", "2026-12-02", "2026-12-02T11:00:00.000Z", "2026-12-03T11:00:00.000Z"],
    // The spring change: 23 hours long in New York.
    ["America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"],
  ])("%s %s", (zone, date, start, end) => {
    expect(startOfLocalDate(date, zone).toISOString()).toBe(start);
    expect(endOfLocalDate(date, zone).toISOString()).toBe(end);
  });
});
