/**
 * A report's range as the company's local days (inclusive), pure: "today", "this week"
 * (Monday to today), "this month" (the 1st to today) or a custom from–to of at most
 * MAX_REPORT_DAYS days. The clock and the zone are passed in.
 */
import { AppError } from "../../errors";
import { localDate } from "../usage/domain";
import { endOfLocalDate, startOfLocalDate } from "../recordings/local-day";
import { MAX_REPORT_DAYS, type TReportRange } from "./schema";

const DAY_MS = 86_400_000;

export type LocalDays = { from: string; to: string };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted. */
export const daysIn = ({ from, to }: LocalDays) => dayNumber(to) - dayNumber(from) + 1;

/** Every date of the range, oldest first (calendar dates in UTC have no DST jumps). */
export function eachDay(range: LocalDays): string[] {
  const first = dayNumber(range.from);
  return Array.from({ length: daysIn(range) }, (_, i) => dayOf(first + i));
}

export function resolveRange(range: TReportRange, now: Date, timeZone: string): LocalDays {
  const today = localDate(now, timeZone);
  switch (range.preset) {
    case "today":
      return { from: today, to: today };
    case "week": {
      // getUTCDay of a calendar date: 0 = Sunday; Monday starts the week.
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      return { from: dayOf(dayNumber(today) - ((weekday + 6) % 7)), to: today };
    }
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "custom": {
      if (range.from > range.to) throw new AppError("INVALID", "The range ends before it starts.");
      const days = daysIn(range);
      if (days > MAX_REPORT_DAYS) throw new AppError("INVALID", `Choose at most ${MAX_REPORT_DAYS} days (this range has ${days}).`);
      return { from: range.from, to: range.to };
    }
  }
}

/** The instants the range covers in `timeZone`: [start, end). For raw-CDR reads (the export). */
export function rangeInstants(range: LocalDays, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDate(range.from, timeZone), end: endOfLocalDate(range.to, timeZone) };
}
