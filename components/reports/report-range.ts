/**
 * The report's range as the form holds it, and its translation to the contract's
 * `TReportRange`. Custom dates are the company's local days (Tenant.timeZone), so "today" for
 * the date inputs is computed in that zone, never the browser's.
 */
import { MAX_REPORT_DAYS, ZReportRange, type TReportRange } from "@/server/modules/reports/schema";

export const RANGE_PRESETS = ["today", "week", "month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: "Today",
  week: "This week",
  month: "This month",
  custom: "Custom range",
};

/** What the range picker edits: the custom dates are kept while another preset is chosen. */
export type RangeDraft = { preset: RangePreset; from: string; to: string };

export type RangeResult = { ok: true; range: TReportRange } | { ok: false; field: "from" | "to"; message: string };

/** "2027-01-31": the calendar day it is now in `timeZone`. */
export function localDay(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD, the date input's own format.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Days from `from` to `to`, both counted. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function initialRangeDraft(now: Date, timeZone: string): RangeDraft {
  const today = localDay(now, timeZone);
  return { preset: "today", from: today, to: today };
}

/** The draft as the procedures take it, or the first thing wrong with its dates. */
export function toReportRange(draft: RangeDraft): RangeResult {
  if (draft.preset !== "custom") return { ok: true, range: { preset: draft.preset } };
  if (!draft.from) return { ok: false, field: "from", message: "Choose the first day" };
  if (!draft.to) return { ok: false, field: "to", message: "Choose the last day" };
  const parsed = ZReportRange.safeParse({ preset: "custom", from: draft.from, to: draft.to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: issue?.path.includes("to") ? "to" : "from", message: issue?.message ?? "Not a valid range" };
  }
  if (daysInclusive(draft.from, draft.to) > MAX_REPORT_DAYS) {
    return { ok: false, field: "to", message: `A report covers at most ${MAX_REPORT_DAYS} days` };
  }
  return { ok: true, range: parsed.data };
}
