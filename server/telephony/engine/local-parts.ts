/**
 * The local wall-clock facts call rules read: ISO weekday, local date and minute of the day in
 * the tenant's zone, plus the day before (a window crossing midnight belongs to the day it
 * starts on). Memoised per zone per minute like describeLocalTime: Intl costs ~6 µs, routing
 * must cost far less.
 *
 * Rules are wall-clock rules: "until 02:00" means until the clock on the wall reads 02:00.
 * On the night the clocks go forward (Europe/London 2027-03-28 01:00 -> 02:00) the hour that is
 * skipped never occurs, so a 22:00–02:00 window simply ends when the clock jumps, and a window
 * lying wholly inside the missing hour does not match that night. On the night they go back
 * (02:00 -> 01:00) the repeated hour is read twice, so a window ending at 02:00 covers both
 * passes of 01:xx and ends when the clock first reads 02:00 again, one hour of real time later
 * than usual. Nobody expects "closed from 02:00" to start at 01:00 on the second pass.
 */
import { formatterFor, perZoneMinute, zoneOffsetMs } from "./zone-offset";

export interface LocalParts {
  /** ISO, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "YYYY-MM-DD". */
  date: string;
  /** 0 … 1439. */
  minute: number;
  previousWeekday: number;
  previousDate: string;
  /** "Monday 10:00", for reasons a customer reads. */
  label: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
export const WEEKDAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Local parts of `now` in `timeZone` (UTC for an unknown zone); null for an invalid instant. */
export function localParts(now: Date, timeZone: string): LocalParts | null {
  return Number.isNaN(now.getTime()) ? null : memoisedParts(now, timeZone);
}

/** From the cached offset: plain arithmetic, no Intl call per minute. */
const memoisedParts = perZoneMinute(computeParts);

function computeParts(now: Date, timeZone: string): LocalParts | null {
  const known = formatterFor(timeZone) !== null;
  const offset = zoneOffsetMs(now.getTime(), known ? timeZone : "UTC");
  if (offset === null) return partsFromIntl(now, timeZone);
  const localMs = now.getTime() + offset;
  const day = localDay(Math.floor(localMs / DAY_MS));
  if (day === null) return partsFromIntl(now, timeZone);
  const minute = Math.floor((localMs - day.number * DAY_MS) / 60_000);
  return { ...day.facts, minute, label: `${WEEKDAY_NAMES[day.facts.weekday]} ${CLOCK[minute]}` };
}

const DAY_MS = 86_400_000;
/** "00:00" … "23:59", so a minute's label is one concatenation. */
const CLOCK = Array.from({ length: 1440 }, (_, m) => minutesToClock(m));

type DayFacts = Pick<LocalParts, "weekday" | "date" | "previousWeekday" | "previousDate">;
/**
 * The date facts of a local day (days since 1970 in local time): they change once a day, and
 * building date strings costs microseconds, so the last day is remembered. Null past year 9999.
 */
let lastDay: { number: number; facts: DayFacts } | null = null;
function localDay(number: number): { number: number; facts: DayFacts } | null {
  if (lastDay?.number === number) return lastDay;
  const local = new Date(number * DAY_MS);
  const year = local.getUTCFullYear();
  if (Number.isNaN(year) || year > 9999) return null;
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const date = isoDate(local);
  lastDay = { number, facts: { weekday, date, previousWeekday: weekday === 1 ? 7 : weekday - 1, previousDate: isoDate(new Date((number - 1) * DAY_MS)) } };
  return lastDay;
}

/** "YYYY-MM-DD" of a UTC date (years 1972 … 9999 here, so always four digits). */
function isoDate(day: Date): string {
  return `${String(day.getUTCFullYear()).padStart(4, "0")}-${String(day.getUTCMonth() + 1).padStart(2, "0")}-${String(day.getUTCDate()).padStart(2, "0")}`;
}

function partsFromIntl(now: Date, timeZone: string): LocalParts | null {
  const formatter = formatterFor(timeZone) ?? formatterFor("UTC");
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter?.formatToParts(now) ?? [];
  } catch {
    return null; // an instant outside Intl's range
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = WEEKDAYS[part("weekday")];
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const minute = Number(part("hour")) * 60 + Number(part("minute"));
  if (weekday === undefined || !Number.isInteger(minute) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return {
    weekday,
    date,
    minute,
    previousWeekday: weekday === 1 ? 7 : weekday - 1,
    previousDate: dayBefore(date),
    label: `${WEEKDAY_NAMES[weekday]} ${part("hour")}:${part("minute")}`,
  };
}

/** Calendar arithmetic on the date alone, so no zone or DST can shift it. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
