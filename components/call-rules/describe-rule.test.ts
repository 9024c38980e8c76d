import { describe, expect, it } from "vitest";
import { describePeriod, describeRule } from "./describe-rule";

const nameOf = () => "201 · Alice";
const ANY = { weekdays: [], timeRanges: [], dateRanges: [], holidays: "any" as const };

describe("describeRule", () => {
  it("reads an office-hours rule for US callers", () => {
    const rule = {
      period: { ...ANY, weekdays: [5, 1, 2, 3, 4], timeRanges: [{ start: "09:00", end: "17:00" }] },
      callerFilter: { patterns: [], countries: ["US"] },
      dialledFilter: null,
      action: { kind: "forward" as const, destination: { kind: "external" as const, number: "+12125550100" } },
    };
    expect(describeRule(rule, nameOf)).toBe("Weekdays 09:00–17:00 · from United States → forward to +1 212 555 0100");
  });

  it.each([
    [{ ...ANY }, null],
    [{ ...ANY, weekdays: [1, 2, 3, 4, 5, 6, 7] }, null],
    [{ ...ANY, weekdays: [7, 6] }, "Weekends"],
    [{ ...ANY, weekdays: [3, 1], holidays: "except" as const }, "Mon, Wed except holidays"],
    [{ ...ANY, timeRanges: [{ start: "22:00", end: "06:00" }], holidays: "only" as const }, "22:00–06:00 on holidays"],
    [{ ...ANY, dateRanges: [{ from: "2027-12-24", to: "2027-12-31" }, { from: "2028-01-01", to: "2028-01-01" }] }, "2027-12-24 to 2027-12-31, 2028-01-01"],
  ])("describes period %j as %s", (period, words) => {
    expect(describePeriod(period)).toBe(words);
  });

  it("names callers, dialled numbers and every action", () => {
    const base = { period: null, callerFilter: { patterns: [{ number: "+4420", match: "prefix" as const }], countries: ["GB", "FR"] }, dialledFilter: [{ number: "+442071234500", match: "exact" as const }] };
    expect(describeRule({ ...base, action: { kind: "voicemail" } }, nameOf)).toBe("from United Kingdom, France or +4420… · dialled +44 20 7123 4500 → voicemail");
    expect(describeRule({ ...base, period: null, callerFilter: null, dialledFilter: null, action: { kind: "message", message: "allBusy" } }, nameOf)).toBe("Every call → play “All lines are busy” and hang up");
    expect(describeRule({ period: null, callerFilter: null, dialledFilter: null, action: { kind: "forward", destination: { kind: "extension", extensionId: "x" } } }, nameOf)).toBe("Every call → forward to 201 · Alice");
    expect(describeRule({ period: null, callerFilter: null, dialledFilter: null, action: { kind: "reject", cause: "busy" } }, nameOf)).toBe("Every call → reject as busy");
  });
});
