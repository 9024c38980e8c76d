import { describe, expect, it } from "vitest";
import { nextBillingPeriodStart, startOfDayIn } from "./day-start";

describe("startOfDayIn", () => {
  it("is midnight UTC in London in winter and 23:00 UTC the day before in summer", () => {
    expect(startOfDayIn("Europe/London", new Date("2026-12-02T15:00:00Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(startOfDayIn("Europe/London", new Date("2026-07-02T15:00:00Z")).toISOString()).toBe("2026-07-01T23:00:00.000Z");
  });

  it("takes the zone's calendar day, which may already be tomorrow", () => {
    // 23:30 UTC on 1 Dec is 10:30 on 2 Dec in Sydney (UTC+11).
    expect(startOfDayIn("Australia/Sydney", new Date("2026-12-01T23:30:00Z")).toISOString()).toBe("2026-12-01T13:00:00.000Z");
    expect(startOfDayIn("America/New_York", new Date("2026-12-02T03:00:00Z")).toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("uses midnight's offset on the day the clocks change", () => {
    // London springs forward at 01:00 UTC on 29 March 2026: midnight was still GMT.
    expect(startOfDayIn("Europe/London", new Date("2026-03-29T20:00:00Z")).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    // And falls back on 25 October: midnight was BST.
    expect(startOfDayIn("Europe/London", new Date("2026-10-25T20:00:00Z")).toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });
});

describe("nextBillingPeriodStart", () => {
  it("is the first of the next UTC month, across a year end", () => {
    expect(nextBillingPeriodStart(new Date("2026-12-02T10:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(nextBillingPeriodStart(new Date("2026-01-31T23:59:59Z")).toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });
});
