/** The company's calendar days as instants, for the recordings' date filter. Pure. */
import { startOfDayIn } from "../home/day-start";
import { localDate } from "../usage/domain";

const DAY_MS = 86_400_000;

/** The instant `date` ("2026-12-02") began in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  // Noon UTC lies on `date` or one day either side of it in every zone (offsets are −12 to +14 h).
  let probe = new Date(`${date}T12:00:00Z`);
  const seen = localDate(probe, timeZone);
  if (seen > date) probe = new Date(probe.getTime() - DAY_MS);
  else if (seen < date) probe = new Date(probe.getTime() + DAY_MS);
  return startOfDayIn(timeZone, probe);
}

/** The instant after the end of `date` in `timeZone`: the exclusive upper bound of an inclusive "to". */
export function endOfLocalDate(date: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return startOfLocalDate(next, timeZone);
}
