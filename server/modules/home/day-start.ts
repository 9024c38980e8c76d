/**
 * "Today" for a company is its own calendar day, not the server's: calls at 00:30 in Sydney
 * belong to that day there, whatever UTC says.
 */

/** The zone's offset from UTC at `at`, in ms (Europe/London in July: +3,600,000). */
function offsetAt(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the calendar day containing `now` began in `timeZone`. */
export function startOfDayIn(timeZone: string, now: Date = new Date()): Date {
  const local = new Date(now.getTime() + offsetAt(now, timeZone));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight may differ from now's (a DST change during the day): take midnight's.
  const guess = midnightAsUtc - offsetAt(new Date(midnightAsUtc), timeZone);
  return new Date(midnightAsUtc - offsetAt(new Date(guess), timeZone));
}

/** The first instant of the UTC month after `now`'s: when the next recurring charge is taken. */
export function nextBillingPeriodStart(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
