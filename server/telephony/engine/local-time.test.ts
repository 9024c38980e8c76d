import { describe, expect, it } from "vitest";
import { describeLocalTime } from "./local-time";

describe("describeLocalTime", () => {
  it("formats the tenant's wall clock, including daylight saving", () => {
    expect(describeLocalTime(new Date("2025-01-06T09:15:00Z"), "Europe/London")).toBe("Mon 2025-01-06 09:15 Europe/London");
    expect(describeLocalTime(new Date("2025-07-06T09:15:00Z"), "Europe/London")).toBe("Sun 2025-07-06 10:15 Europe/London");
    expect(describeLocalTime(new Date("2025-01-06T03:00:00Z"), "America/New_York")).toBe("Sun 2025-01-05 22:00 America/New_York");
  });

  it("does not serve a stale minute or another zone's text from its cache", () => {
    const zone = "Asia/Kolkata"; // +05:30: the half hour catches caching by hour
    expect(describeLocalTime(new Date("2025-01-06T09:15:10Z"), zone)).toBe("Mon 2025-01-06 14:45 Asia/Kolkata");
    expect(describeLocalTime(new Date("2025-01-06T09:15:50Z"), zone)).toBe("Mon 2025-01-06 14:45 Asia/Kolkata");
    expect(describeLocalTime(new Date("2025-01-06T09:16:00Z"), zone)).toBe("Mon 2025-01-06 14:46 Asia/Kolkata");
    expect(describeLocalTime(new Date("2025-01-06T09:16:00Z"), "UTC")).toBe("Mon 2025-01-06 09:16 UTC");
  });

  it("handles historical offsets with seconds, unknown zones and invalid dates", () => {
    // Monrovia was UTC-0:44:30 in 1960: the local minute changes at :30 UTC seconds.
    expect(describeLocalTime(new Date("1960-01-01T12:00:10Z"), "Africa/Monrovia")).toContain("11:15");
    expect(describeLocalTime(new Date("1960-01-01T12:00:40Z"), "Africa/Monrovia")).toContain("11:16");
    expect(describeLocalTime(new Date("2025-01-06T09:15:00Z"), "Nowhere/Land")).toBe('Mon 2025-01-06 09:15 UTC (unknown time zone "Nowhere/Land")');
    expect(describeLocalTime(new Date(Number.NaN), "Europe/London")).toBe("an invalid time");
  });
});
