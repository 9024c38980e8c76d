/**
 * What the usage card shows, as pure functions: minutes and dates in words, the bars of the
 * calls-per-day chart and the sentence that stands in for it. Free of React, so unit-tested.
 */

/** Usage days are calendar dates in the customer's zone ("2026-03-10"), not instants. */
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MINUTES = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "9 Feb": formatted in UTC because the date is already the customer's own. */
export const formatDay = (date: string) => DAY_LABEL.format(new Date(`${date}T00:00:00Z`));

/** "12.5 min"; a few seconds still read as a fraction, not as nothing. */
export const formatMinutes = (seconds: number) => `${MINUTES.format(seconds / 60)} min`;

export const callCount = (calls: number) => `${calls} ${calls === 1 ? "call" : "calls"}`;

export type DayCalls = { date: string; calls: number };
export type Bar = { date: string; calls: number; x: number; y: number; width: number; height: number };

/** A y-axis top that reads well: 1, 2, 5, 10, 20, 50 … at or above the busiest day. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= value)!;
  return step * magnitude;
}

/** Bars for `days` in a plot of `width` × `height`, each with a gap; a zero day has no height. */
export function barsFor(days: readonly DayCalls[], width: number, height: number, top = niceMax(Math.max(0, ...days.map((d) => d.calls)))): Bar[] {
  const slot = width / Math.max(1, days.length);
  const gap = Math.min(2, slot * 0.2);
  return days.map((day, i) => {
    const barHeight = (day.calls / top) * height;
    return { date: day.date, calls: day.calls, x: i * slot + gap / 2, y: height - barHeight, width: slot - gap, height: barHeight };
  });
}

/** The chart as one sentence for screen readers: span, total and the busiest day. */
export function describeChart(days: readonly DayCalls[]): string {
  if (days.length === 0) return "No days to show.";
  const total = days.reduce((sum, d) => sum + d.calls, 0);
  const span = `${formatDay(days[0]!.date)} to ${formatDay(days[days.length - 1]!.date)}`;
  if (total === 0) return `Calls per day, ${span}: no calls.`;
  const busiest = days.reduce((best, d) => (d.calls > best.calls ? d : best));
  return `Calls per day, ${span}: ${callCount(total)} in all; busiest day ${formatDay(busiest.date)} with ${callCount(busiest.calls)}.`;
}

export const DIRECTION_LABELS: Record<string, string> = { INBOUND: "Inbound", OUTBOUND: "Outbound", INTERNAL: "Internal" };
export const DISPOSITION_LABELS: Record<string, string> = {
  ANSWERED: "Answered", NO_ANSWER: "No answer", BUSY: "Busy", FAILED: "Failed", REJECTED: "Rejected", VOICEMAIL: "Voicemail",
};
