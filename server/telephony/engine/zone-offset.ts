/**
 * A zone's UTC offset at an instant, cached per zone per quarter hour. Intl costs ~6 µs (far
 * more under load) and routing reads local time on every call; offsets only change at DST
 * transitions, which since 1973 fall on whole quarter hours UTC in every zone (offsets are
 * multiples of 15 minutes and clocks change at whole local times), so an offset read at the
 * start of a quarter hour holds for all of it. Before 1973 use Intl directly.
 * No imports: local-time.ts and local-parts.ts both build on this file.
 */
const QUARTER_HOUR_MS = 900_000;
/** Before this, some zones had offsets with seconds (Monrovia until 1972): minutes do not align. */
export const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

/** Formatter construction costs far more than formatting; tenants reuse a handful of zones. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const MAX_CACHED_ZONES = 500;

/** The zone's formatter (en-GB parts, h23), or null for a zone Intl does not know. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    formatter = null; // RangeError: unknown zone; remembered so we do not retry per call
  }
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

const cache = new Map<string, { block: number; offsetMs: number }>();

/** Offset in ms (local = UTC + offset), or null for a zone Intl does not know or an instant outside the cacheable range. */
export function zoneOffsetMs(time: number, timeZone: string): number | null {
  if (!Number.isFinite(time) || time < WHOLE_MINUTE_OFFSETS_SINCE) return null;
  const block = Math.floor(time / QUARTER_HOUR_MS);
  const cached = cache.get(timeZone);
  if (cached?.block === block) return cached.offsetMs;
  const formatter = formatterFor(timeZone);
  if (formatter === null) return null;
  const start = block * QUARTER_HOUR_MS;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter.formatToParts(new Date(start));
  } catch {
    return null;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const offsetMs = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute")) - start;
  if (!Number.isFinite(offsetMs)) return null;
  if (cache.size >= MAX_CACHED_ZONES) cache.clear();
  cache.set(timeZone, { block, offsetMs });
  return offsetMs;
}

/**
 * Memoises `compute` per zone for the current minute (local time only changes once a minute);
 * before 1973 some offsets had seconds, so minutes do not align and nothing is remembered.
 */
export function perZoneMinute<T>(compute: (now: Date, timeZone: string) => T): (now: Date, timeZone: string) => T {
  const last = new Map<string, { minute: number; value: T }>();
  return (now, timeZone) => {
    const time = now.getTime();
    if (time < WHOLE_MINUTE_OFFSETS_SINCE) return compute(now, timeZone);
    const minute = Math.floor(time / 60_000);
    const cached = last.get(timeZone);
    if (cached?.minute === minute) return cached.value;
    const value = compute(now, timeZone);
    if (last.size >= MAX_CACHED_ZONES) last.clear();
    last.set(timeZone, { minute, value });
    return value;
  };
}
