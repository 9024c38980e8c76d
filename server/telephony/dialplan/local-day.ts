/** When the current local day began in a time zone, for "calls today" counts (DST-safe). */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `at`, read as if it were UTC (so its difference from `at` is the offset). */
function wallClockAsUtc(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/**
 * The instant local midnight of `now`'s local date happened in `timeZone`. The offset is
 * taken at the candidate midnight itself (a second pass), so a day that starts in summer
 * time after a winter night, or the reverse, still starts at its own 00:00.
 */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const wall = wallClockAsUtc(now, timeZone);
  const midnightWall = wall - (wall % 86_400_000);
  let guess = midnightWall - (wall - now.getTime());
  guess = midnightWall - (wallClockAsUtc(new Date(guess), timeZone) - guess);
  return new Date(guess);
}
