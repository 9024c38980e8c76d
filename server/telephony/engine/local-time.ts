/**
 * Local wall-clock time of a call in the tenant's zone, for the trace (and the preview's
 * "what happens when X calls at Y"). Pure: the instant is passed in.
 */
import { localParts } from "./local-parts";
import { formatterFor, perZoneMinute, WHOLE_MINUTE_OFFSETS_SINCE } from "./zone-offset";

/** Text changes once a minute, so each zone remembers its last minute (see perZoneMinute). */
const memoisedText = perZoneMinute(formatLocalTime);

/** e.g. "Mon 2025-01-06 09:15 Europe/London"; falls back to UTC (and says so) for a bad zone. */
export function describeLocalTime(now: Date, timeZone: string): string {
  return Number.isNaN(now.getTime()) ? "an invalid time" : memoisedText(now, timeZone);
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
