/**
 * Report figures as people read them. Durations are whole seconds from the contract; rates
 * are 0..1. Nothing here knows the viewer's locale except through the arguments.
 */
import { formatDuration } from "@/components/recordings/format-duration";

export const NO_FIGURE = "—";

/** "0:07", "2:05", "1:02:03"; a dash when there is nothing to average. */
export function formatSeconds(sec: number | null): string {
  return sec === null ? NO_FIGURE : formatDuration(sec * 1000);
}

/** "1 h 2 min 3 s": the same length spelled out, for screen readers and chart tooltips. */
export function spokenSeconds(sec: number | null): string {
  if (sec === null) return "no calls";
  const total = Math.round(sec);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h > 0 && `${h} h`, m > 0 && `${m} min`, (s > 0 || total === 0) && `${s} s`].filter(Boolean);
  return parts.join(" ");
}

/** "83%"; a dash with no calls. */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null) return NO_FIGURE;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
}

/** Averages come as fractions of a call ("2.5 calls"); one decimal reads well. */
export function formatAverage(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
