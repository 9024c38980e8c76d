import { describe, expect, it } from "vitest";
import { daysInclusive, initialRangeDraft, localDay, toReportRange } from "./report-range";

describe("localDay", () => {
  it("is the day in the company's zone, not the machine's", () => {
    const lateUtc = new Date("2027-01-31T23:30:00Z");
    expect(localDay(lateUtc, "Europe/London")).toBe("2027-01-31");
    expect(localDay(lateUtc, "Europe/Berlin")).toBe("2027-02-01");
    expect(localDay(lateUtc, "America/New_York")).toBe("2027-01-31");
  });

  it("starts a draft on today, with today in both custom dates", () => {
    expect(initialRangeDraft(new Date("2027-03-01T00:30:00Z"), "Asia/Tokyo")).toEqual({ preset: "today", from: "2027-03-01", to: "2027-03-01" });
  });
});

describe("toReportRange", () => {
  it("passes presets through without dates", () => {
    expect(toReportRange({ preset: "week", from: "", to: "" })).toEqual({ ok: true, range: { preset: "week" } });
  });

  it("takes a custom range of real days in order", () => {
    expect(toReportRange({ preset: "custom", from: "2027-01-01", to: "2027-01-31" })).toEqual({ ok: true, range: { preset: "custom", from: "2027-01-01", to: "2027-01-31" } });
  });

  it("names the field that is wrong", () => {
    expect(toReportRange({ preset: "custom", from: "", to: "2027-01-31" })).toMatchObject({ ok: false, field: "from" });
    expect(toReportRange({ preset: "custom", from: "2027-02-01", to: "2027-01-31" })).toMatchObject({ ok: false, field: "to", message: "The range ends before it starts" });
    expect(toReportRange({ preset: "custom", from: "2027-02-30", to: "2027-03-01" })).toMatchObject({ ok: false, field: "from", message: "Not a real date" });
  });

  it("refuses a range longer than a report covers", () => {
    expect(daysInclusive("2026-01-01", "2026-12-31")).toBe(365);
    expect(toReportRange({ preset: "custom", from: "2026-01-01", to: "2027-01-01" })).toMatchObject({ ok: true });
    expect(toReportRange({ preset: "custom", from: "2026-01-01", to: "2027-01-02" })).toMatchObject({ ok: false, field: "to" });
  });
});
