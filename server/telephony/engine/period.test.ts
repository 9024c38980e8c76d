import { describe, expect, it } from "vitest";
import { localDateTimeIn } from "./local-date-time";
import { localParts } from "./local-parts";
import { compilePeriod, matchPeriod, sharedPeriods } from "./period";
import { period } from "./routing-fixture";
import type { TimePeriod } from "./types";

const compile = (p: TimePeriod) => compilePeriod(p, "test", []);
const at = (iso: string, zone = "Europe/London") => localParts(new Date(iso), zone);
const NO_HOLIDAYS = new Set<string>();

describe("localParts", () => {
  it.each([
    ["2027-03-29T09:30:00Z", "Europe/London", 1, "2027-03-29", 10 * 60 + 30], // BST
    ["2027-01-04T09:30:00Z", "Europe/London", 1, "2027-01-04", 9 * 60 + 30], // GMT
    ["2027-01-04T03:00:00Z", "America/New_York", 7, "2027-01-03", 22 * 60], // still Sunday in New York
    ["2027-01-04T03:00:00Z", "Mars/Olympus", 1, "2027-01-04", 3 * 60], // unknown zone reads as UTC
  ])("%s in %s is weekday %i, %s, minute %i", (iso, zone, weekday, date, minute) => {
    expect(at(iso, zone)).toMatchObject({ weekday, date, minute });
  });

  it("knows the day before across a month and a year end", () => {
    expect(at("2027-01-01T12:00:00Z")).toMatchObject({ previousDate: "2026-12-31", previousWeekday: 4 });
    expect(at("2028-03-01T12:00:00Z")).toMatchObject({ previousDate: "2028-02-29" });
  });

  it("is null for an invalid instant", () => {
    expect(localParts(new Date(Number.NaN), "Europe/London")).toBeNull();
  });
});

describe("matchPeriod", () => {
  const office = compile(period({ weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }] }));
  const night = compile(period({ weekdays: [1], timeRanges: [{ start: "22:00", end: "02:00" }] }));

  it.each([
    ["Mon 10:00", office, "2027-01-04T10:00:00Z", true],
    ["Mon 08:59", office, "2027-01-04T08:59:00Z", false],
    ["Mon 17:00 (end is exclusive)", office, "2027-01-04T17:00:00Z", false],
    ["Sat 10:00", office, "2027-01-09T10:00:00Z", false],
    ["Mon 22:30, a window crossing midnight", night, "2027-01-04T22:30:00Z", true],
    ["Tue 01:30 belongs to Monday's window", night, "2027-01-05T01:30:00Z", true],
    ["Tue 02:00", night, "2027-01-05T02:00:00Z", false],
    ["Tue 22:30 is not Monday", night, "2027-01-05T22:30:00Z", false],
    ["Mon 01:30 belongs to Sunday", night, "2027-01-04T01:30:00Z", false],
  ])("%s", (_, compiled, iso, expected) => {
    expect(matchPeriod(compiled, at(iso), NO_HOLIDAYS).isMatch).toBe(expected);
  });

  it("explains a miss in the customer's words", () => {
    expect(matchPeriod(office, at("2027-01-04T18:30:00Z"), NO_HOLIDAYS).reason).toBe("Monday 18:30 is outside Mon–Fri 09:00–17:00");
    expect(matchPeriod(office, at("2027-01-04T10:00:00Z"), NO_HOLIDAYS).reason).toBe("Monday 10:00 is within Mon–Fri 09:00–17:00");
  });

  it("matches date ranges inclusively and holidays only / except", () => {
    const christmas = compile(period({ dateRanges: [{ from: "2027-12-24", to: "2027-12-26" }] }));
    expect(matchPeriod(christmas, at("2027-12-26T23:59:00Z"), NO_HOLIDAYS).isMatch).toBe(true);
    expect(matchPeriod(christmas, at("2027-12-27T00:00:00Z"), NO_HOLIDAYS).isMatch).toBe(false);
    const holidays = new Set(["2027-05-03"]);
    const onHolidays = compile(period({ holidays: "only" }));
    const exceptHolidays = compile(period({ weekdays: [1], holidays: "except" }));
    expect(matchPeriod(onHolidays, at("2027-05-03T12:00:00Z"), holidays).isMatch).toBe(true);
    expect(matchPeriod(onHolidays, at("2027-05-04T12:00:00Z"), holidays).reason).toBe("2027-05-04 is not a holiday");
    expect(matchPeriod(exceptHolidays, at("2027-05-03T12:00:00Z"), holidays)).toEqual({ isMatch: false, reason: "2027-05-03 is a holiday" });
    expect(matchPeriod(exceptHolidays, at("2027-05-10T12:00:00Z"), holidays).isMatch).toBe(true);
  });

  it("drops invalid parts with a warning instead of throwing", () => {
    const warnings: string[] = [];
    const compiled = compilePeriod(period({ weekdays: [0, 8, 1], timeRanges: [{ start: "25:00", end: "02:00" }], dateRanges: [{ from: "2027-02-30", to: "2027-03-01" }] }), "rule x", warnings);
    expect(compiled.weekdayMask).toBe(1 << 1);
    expect(compiled.windows).toEqual([]);
    expect(warnings).toHaveLength(4);
  });
});

/** A rule "Sat 22:00–02:00" on the nights the clocks change: wall-clock semantics (local-parts.ts). */
describe("daylight saving edges: a window ending at 02:00", () => {
  const saturdayNight = compile(period({ weekdays: [6], timeRanges: [{ start: "22:00", end: "02:00" }] }));
  const match = (iso: string, zone: string) => matchPeriod(saturdayNight, at(iso, zone), NO_HOLIDAYS).isMatch;

  it.each([
    // London, clocks forward 2027-03-28 01:00 GMT -> 02:00 BST: 00:59 GMT is the last minute.
    ["London spring: 00:59 local", "2027-03-28T00:59:00Z", "Europe/London", true],
    ["London spring: the jump lands on 02:00 BST, closed", "2027-03-28T01:00:00Z", "Europe/London", false],
    // London, clocks back 2027-10-31 02:00 BST -> 01:00 GMT: 01:xx twice, both inside.
    ["London autumn: first 01:30 (BST)", "2027-10-31T00:30:00Z", "Europe/London", true],
    ["London autumn: second 01:30 (GMT)", "2027-10-31T01:30:00Z", "Europe/London", true],
    ["London autumn: 02:00 GMT, closed", "2027-10-31T02:00:00Z", "Europe/London", false],
    // New York, clocks forward 2027-03-14 02:00 EST -> 03:00 EDT.
    ["New York spring: 01:59 EST", "2027-03-14T06:59:00Z", "America/New_York", true],
    ["New York spring: 03:00 EDT, closed", "2027-03-14T07:00:00Z", "America/New_York", false],
    // New York, clocks back 2027-11-07 02:00 EDT -> 01:00 EST.
    ["New York autumn: first 01:30 (EDT)", "2027-11-07T05:30:00Z", "America/New_York", true],
    ["New York autumn: second 01:30 (EST)", "2027-11-07T06:30:00Z", "America/New_York", true],
    ["New York autumn: 02:00 EST, closed", "2027-11-07T07:00:00Z", "America/New_York", false],
  ])("%s", (_, iso, zone, expected) => {
    expect(match(iso, zone)).toBe(expected);
  });
});

describe("localDateTimeIn", () => {
  it.each([
    ["Europe/London", "2027-01-04T10:00", "2027-01-04T10:00:00.000Z"],
    ["Europe/London", "2027-07-05T10:00", "2027-07-05T09:00:00.000Z"],
    ["America/New_York", "2027-01-04T10:00", "2027-01-04T15:00:00.000Z"],
    ["Europe/London", "2027-10-31T01:30", "2027-10-31T00:30:00.000Z"], // twice: the first
    ["America/New_York", "2027-11-07T01:30", "2027-11-07T05:30:00.000Z"],
  ])("%s %s is %s", (zone, local, iso) => {
    const result = localDateTimeIn(zone, local);
    expect(result).toEqual({ ok: true, instant: new Date(iso) });
  });

  it.each([
    ["Europe/London", "2027-03-28T01:30", /does not exist/],
    ["America/New_York", "2027-03-14T02:30", /does not exist/],
    ["Europe/London", "2027-02-30T10:00", /not a real date/],
    ["Europe/London", "monday", /not a date and time/],
    ["Mars/Olympus", "2027-01-04T10:00", /Unknown time zone/],
  ])("refuses %s %s", (zone, local, error) => {
    const result = localDateTimeIn(zone, local);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("the per-minute memo and shared periods", () => {
  const office: TimePeriod = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" };

  it("answers anew for another minute or another holiday list", () => {
    const compiled = compile(office);
    expect(matchPeriod(compiled, at("2027-01-04T09:30:00Z"), NO_HOLIDAYS).isMatch).toBe(true);
    expect(matchPeriod(compiled, at("2027-01-04T09:30:00Z"), new Set(["2027-01-04"])).reason).toBe("2027-01-04 is a holiday");
    expect(matchPeriod(compiled, at("2027-01-04T17:30:00Z"), NO_HOLIDAYS).isMatch).toBe(false);
    expect(matchPeriod(compiled, at("2027-01-04T09:30:00Z"), NO_HOLIDAYS).isMatch).toBe(true);
  });

  it("shares one compiled period between periods configured alike, but not one with warnings", () => {
    const shared = sharedPeriods();
    const warnings: string[] = [];
    expect(shared(office, "rule 1", warnings)).toBe(shared({ ...office }, "rule 2", warnings));
    const bad: TimePeriod = { ...office, weekdays: [9] };
    expect(shared(bad, "rule 3", warnings)).not.toBe(shared(bad, "rule 4", warnings));
    expect(warnings).toEqual([
      "rule 3: weekday 9 is not 1 (Monday) … 7 (Sunday); ignored",
      "rule 4: weekday 9 is not 1 (Monday) … 7 (Sunday); ignored",
    ]);
  });
});
