/**
 * Local wall-clock time -> instant, for "what happens if … on Monday at 10:00". The reverse of
 * localParts: tries the zone's offsets around the wanted time and keeps those that read back
 * as the wanted wall-clock time.
 */
import { formatterFor } from "./zone-offset";

export type LocalDateTimeResult = { ok: true; instant: Date } | { ok: false; error: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;

/**
 * `local` is "YYYY-MM-DDTHH:MM" in `timeZone`. A time the clocks skip (02:30 on a spring-forward
 * night in New York) is an error saying so; a time that occurs twice (01:30 on the night the
 * clocks go back) is its first occurrence, the one people mean before the change.
 */
export function localDateTimeIn(timeZone: string, local: string): LocalDateTimeResult {
  const match = LOCAL.exec(local);
  const formatter = formatterFor(timeZone);
  if (formatter === null) return { ok: false, error: `Unknown time zone "${timeZone}".` };
  if (!match) return { ok: false, error: `"${local}" is not a date and time such as 2027-03-28T09:00.` };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (h > 23 || mi > 59 || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) {
    return { ok: false, error: `"${local}" is not a real date and time.` };
  }
  const wanted = local.replace("T", " ");
  const candidates = new Set<number>();
  // Only the offsets in force a day either side of the time can apply to it (one change a night at most).
  for (const probe of [asUtc - 26 * HOUR_MS, asUtc, asUtc + 26 * HOUR_MS]) {
    const offset = readLocal(formatter, probe).ms - probe;
    const instant = asUtc - offset;
    if (readLocal(formatter, instant).text === wanted) candidates.add(instant);
  }
  if (candidates.size === 0) {
    return { ok: false, error: `${wanted} does not exist in ${timeZone}: the clocks skip it that night.` };
  }
  return { ok: true, instant: new Date(Math.min(...candidates)) };
}

function readLocal(formatter: Intl.DateTimeFormat, time: number): { ms: number; text: string } {
  const parts = formatter.formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  const [y, mo, d, h, mi] = ["year", "month", "day", "hour", "minute"].map((t) => part(t as Intl.DateTimeFormatPartTypes));
  // Probes are whole minutes and offsets have been whole minutes since 1973, so no seconds are lost.
  return { ms: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)), text: `${y}-${mo}-${d} ${h}:${mi}` };
}
