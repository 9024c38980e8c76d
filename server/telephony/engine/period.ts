/**
 * Time periods of rules and follow-me entries: parsed once at compile time (minutes of the
 * day, a weekday bit set), matched per call against `localParts`, and described in words the
 * customer wrote them in. Semantics of a window crossing midnight and of DST nights: see
 * local-parts.ts.
 */
import type { LocalParts } from "./local-parts";
import { minutesToClock } from "./local-parts";
import type { CompiledPeriod, TimePeriod } from "./types";

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHORT_DAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

function clockMinutes(text: unknown): number | null {
  if (typeof text !== "string" || !CLOCK.test(text)) return null;
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const isDate = (text: unknown): text is string =>
  typeof text === "string" && DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Parses a period; bad parts are dropped with a warning naming `owner`, never thrown. */
export function compilePeriod(period: TimePeriod, owner: string, warnings: string[]): CompiledPeriod {
  let weekdayMask = 0;
  for (const day of period.weekdays ?? []) {
    if (Number.isInteger(day) && day >= 1 && day <= 7) weekdayMask |= 1 << day;
    else warnings.push(`${owner}: weekday ${String(day)} is not 1 (Monday) … 7 (Sunday); ignored`);
  }
  const windows: { start: number; end: number }[] = [];
  for (const window of period.timeRanges ?? []) {
    const start = clockMinutes(window.start);
    const end = clockMinutes(window.end);
    if (start === null || end === null || start === end) warnings.push(`${owner}: time range ${window.start}–${window.end} is not valid; ignored`);
    else windows.push({ start, end });
  }
  const dateRanges: { from: string; to: string }[] = [];
  for (const range of period.dateRanges ?? []) {
    if (isDate(range.from) && isDate(range.to) && range.from <= range.to) dateRanges.push({ from: range.from, to: range.to });
    else warnings.push(`${owner}: date range ${range.from}–${range.to} is not valid; ignored`);
  }
  const holidays = period.holidays === "only" || period.holidays === "except" ? period.holidays : "any";
  const compiled = { weekdayMask, windows, dateRanges, holidays, text: "", memo: null } satisfies CompiledPeriod;
  return { ...compiled, text: describePeriod(compiled) };
}

/**
 * compilePeriod that hands out one object for periods configured alike ("office hours" on many
 * rules), so matchPeriod's per-minute memo serves all of them. Only periods that compiled
 * without warnings are shared, so every owner still gets its own warnings.
 */
export function sharedPeriods(): (period: TimePeriod, owner: string, warnings: string[]) => CompiledPeriod {
  const byConfig = new Map<string, CompiledPeriod>();
  return (period, owner, warnings) => {
    const key = JSON.stringify([period.weekdays, period.timeRanges, period.dateRanges, period.holidays]);
    const known = byConfig.get(key);
    if (known) return known;
    const own: string[] = [];
    const compiled = compilePeriod(period, owner, own);
    if (own.length === 0) byConfig.set(key, compiled);
    else warnings.push(...own);
    return compiled;
  };
}

function describeWeekdays(mask: number): string {
  const runs: string[] = [];
  for (let day = 1; day <= 7; day++) {
    if (!(mask & (1 << day))) continue;
    let last = day;
    while (last < 7 && mask & (1 << (last + 1))) last++;
    runs.push(last - day >= 2 ? `${SHORT_DAYS[day]}–${SHORT_DAYS[last]}` : last > day ? `${SHORT_DAYS[day]}, ${SHORT_DAYS[last]}` : SHORT_DAYS[day]!);
    day = last;
  }
  return runs.join(", ");
}

/** e.g. "Mon–Fri 09:00–17:00", "Sat, Sun", "2027-12-24–2027-12-26 except holidays", "every day". */
export function describePeriod(period: Omit<CompiledPeriod, "text">): string {
  const parts: string[] = [];
  if (period.weekdayMask !== 0) parts.push(describeWeekdays(period.weekdayMask));
  if (period.windows.length > 0) parts.push(period.windows.map((w) => `${minutesToClock(w.start)}–${minutesToClock(w.end)}`).join(", "));
  if (period.dateRanges.length > 0) parts.push(period.dateRanges.map((r) => (r.from === r.to ? r.from : `${r.from}–${r.to}`)).join(", "));
  if (period.holidays === "only") parts.push("on holidays");
  if (period.holidays === "except") parts.push("except holidays");
  return parts.length > 0 ? parts.join(" ") : "every day";
}

/** Why the day (weekday, date, holiday) does not qualify, or null when it does. */
function dayMismatch(period: CompiledPeriod, weekday: number, date: string, holidays: ReadonlySet<string>): string | null {
  if (period.weekdayMask !== 0 && !(period.weekdayMask & (1 << weekday))) return "weekday";
  if (period.dateRanges.length > 0 && !period.dateRanges.some((r) => r.from <= date && date <= r.to)) return "date";
  if (period.holidays === "only" && !holidays.has(date)) return "not a holiday";
  if (period.holidays === "except" && holidays.has(date)) return "a holiday";
  return null;
}

export interface PeriodMatch {
  isMatch: boolean;
  /** e.g. "Monday 10:00 is outside Mon–Fri 09:00–17:00", "2027-12-25 is a holiday". */
  reason: string;
}

/**
 * Whether `at` lies in the period; a window crossing midnight is checked against the day it
 * started on. The answer depends only on `at` and `holidays`, and localParts hands out one
 * object per zone per minute, so the last answer is kept on the period and reused while both
 * are the same objects (the result is shared: read it, never change it).
 */
export function matchPeriod(period: CompiledPeriod, at: LocalParts | null, holidays: ReadonlySet<string>): PeriodMatch {
  if (at === null) return { isMatch: false, reason: "the time of the call is not valid" };
  const memo = period.memo;
  if (memo && memo.at === at && memo.holidays === holidays) return memo.result;
  const result = computeMatch(period, at, holidays);
  if (memo) {
    memo.at = at;
    memo.holidays = holidays;
    memo.result = result;
  } else {
    period.memo = { at, holidays, result };
  }
  return result;
}

function computeMatch(period: CompiledPeriod, at: LocalParts, holidays: ReadonlySet<string>): PeriodMatch {
  const today = dayMismatch(period, at.weekday, at.date, holidays);
  const isMatch = period.windows.length === 0
    ? today === null
    : period.windows.some((w) =>
        w.start < w.end
          ? today === null && at.minute >= w.start && at.minute < w.end
          : (today === null && at.minute >= w.start) ||
            (at.minute < w.end && dayMismatch(period, at.previousWeekday, at.previousDate, holidays) === null));
  if (isMatch) return { isMatch, reason: `${at.label} is within ${period.text}` };
  if (today === "a holiday") return { isMatch, reason: `${at.date} is a holiday` };
  if (today === "not a holiday") return { isMatch, reason: `${at.date} is not a holiday` };
  if (today === "date") return { isMatch, reason: `${at.date} is outside ${period.text}` };
  return { isMatch, reason: `${at.label} is outside ${period.text}` };
}
