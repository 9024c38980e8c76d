import { localParts } from "./local-parts";

/**
 * Local wall-clock time of a call in the tenant's zone, for the trace (and the preview's
 * "what happens when X calls at Y"). Pure: the instant is passed in.
 */

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

/**
 * Formatting costs ~6 us, more than the rest of routing; the text only changes once a minute,
 * so each zone remembers its last minute. Pure memoisation: same input, same output.
 */
const lastMinute = new Map<string, { minute: number; text: string }>();
/** Before this, some zones had offsets with seconds (Monrovia until 1972): minutes do not align. */
export const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

/** e.g. "Mon 2025-01-06 09:15 Europe/London"; falls back to UTC (and says so) for a bad zone. */
export function describeLocalTime(now: Date, timeZone: string): string {
  const time = now.getTime();
  if (Number.isNaN(time)) return "an invalid time";
  if (time < WHOLE_MINUTE_OFFSETS_SINCE) return formatLocalTime(now, timeZone);
  const minute = Math.floor(time / 60_000);
  const cached = lastMinute.get(timeZone);
  if (cached?.minute === minute) return cached.text;
  const text = formatLocalTime(now, timeZone);
  if (lastMinute.size >= MAX_CACHED_ZONES) lastMinute.clear();
  lastMinute.set(timeZone, { minute, text });
  return text;
}

const SHORT_WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** From localParts (cached offsets) when it can, Intl otherwise (before 1973). */
function formatLocalTime(now: Date, timeZone: string): string {
  const zone = formatterFor(timeZone) === null ? `UTC (unknown time zone "${timeZone}")` : timeZone;
  const parts = now.getTime() >= WHOLE_MINUTE_OFFSETS_SINCE ? localParts(now, timeZone) : null;
  if (parts === null) return formatWithIntl(now, timeZone);
  return `${SHORT_WEEKDAYS[parts.weekday]} ${parts.date} ${parts.label.slice(-5)} ${zone}`;
}

function formatWithIntl(now: Date, timeZone: string): string {
  const formatter = formatterFor(timeZone);
  const zone = formatter === null ? `UTC (unknown time zone "${timeZone}")` : timeZone;
  const parts = (formatter ?? formatterFor("UTC"))?.formatToParts(now) ?? [];
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "??";
  return `${part("weekday")} ${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${zone}`;
}
