/**
 * A zone's UTC offset at an instant, cached per zone per quarter hour. Intl costs ~6 µs (far
 * more under load) and routing reads local time on every call; offsets only change at DST
 * transitions, which since 1973 fall on whole quarter hours UTC in every zone (offsets are
 * multiples of 15 minutes and clocks change at whole local times), so an offset read at the
 * start of a quarter hour holds for all of it. Before 1973 use Intl directly.
 */
import { formatterFor, WHOLE_MINUTE_OFFSETS_SINCE } from "./local-time";

const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_ZONES = 500;
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
