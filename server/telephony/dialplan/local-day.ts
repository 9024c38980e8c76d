/**
 * When the current local day began in a time zone, for "calls answered today". Built on the
 * engine's wall-clock helpers, so "today" here is the same day call rules read. A zone whose
 * clocks skip midnight (a spring-forward at 00:00) starts that day at 01:00.
 */
import { localDateTimeIn } from "../engine";
import { localParts } from "../engine/local-parts";

export function startOfLocalDay(now: Date, timeZone: string): Date {
  const date = localParts(now, timeZone)?.date ?? now.toISOString().slice(0, 10);
  for (const clock of ["00:00", "01:00"]) {
    const start = localDateTimeIn(timeZone, `${date}T${clock}`);
    if (start.ok) return start.instant;
  }
  return new Date(`${date}T00:00:00Z`); // an unknown zone reads as UTC, like the engine's
}
