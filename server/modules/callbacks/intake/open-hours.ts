/**
 * Whether a widget is open, and when it opens next (issue 14), from its StoredTimePeriod in
 * the company's time zone, read by the same engine code as call rules (so "09:00–17:00 on
 * weekdays except holidays" means the same in both places).
 */
import { ZTimePeriod, readStored } from "@/server/modules/routing/stored";
import { compilePeriod, matchPeriod } from "@/server/telephony/engine/period";
import { localParts } from "@/server/telephony/engine/local-parts";

export interface OpenState {
  isOpen: boolean;
  /** The first minute it is open again, within the next 14 days; null when open now or never. */
  nextOpening: Date | null;
}

const STEP_MS = 60_000;
const LOOKAHEAD_MS = 14 * 86_400_000;

export function widgetOpenState(widget: { openHours: unknown }, company: { timeZone: string; holidays: ReadonlySet<string> }, now: Date): OpenState {
  if (widget.openHours === null || widget.openHours === undefined) return { isOpen: true, nextOpening: null };
  const period = readStored(ZTimePeriod, widget.openHours);
  // A stored period that no longer parses opens nothing: safer than ringing at any hour.
  if (!period) return { isOpen: false, nextOpening: null };
  const compiled = compilePeriod(period, "widget", []);
  const isOpenAt = (at: Date) => matchPeriod(compiled, localParts(at, company.timeZone), company.holidays).isMatch;
  if (isOpenAt(now)) return { isOpen: true, nextOpening: null };
  // Minute by minute from the next whole minute: 20,160 cheap checks at most, on refusal only.
  const start = Math.floor(now.getTime() / STEP_MS) * STEP_MS + STEP_MS;
  for (let t = start; t <= now.getTime() + LOOKAHEAD_MS; t += STEP_MS) {
    if (isOpenAt(new Date(t))) return { isOpen: false, nextOpening: new Date(t) };
  }
  return { isOpen: false, nextOpening: null };
}
