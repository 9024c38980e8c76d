/**
 * What the report charts draw, worked out from the chart data: pie slices for the chosen
 * measure, bars per extension, and the sentences that name each chart for screen readers.
 * Pure, so the numbers on screen and in the text equivalents come from one place.
 */
import { OUTCOME_STYLES, seriesStyle, type SeriesStyle } from "@/components/charts/palette";
import type { ReportChartBar } from "@/server/modules/reports/schema";
import { spokenSeconds } from "./report-format";

/** One compared extension, as `reports.chart` returns it. */
export type ChartAccount = ReportChartBar;

export const PIE_MEASURES = ["calls", "outcome", "talk"] as const;
export type PieMeasure = (typeof PIE_MEASURES)[number];

export const PIE_MEASURE_LABELS: Record<PieMeasure, string> = {
  calls: "Share of calls",
  outcome: "Answered vs missed",
  talk: "Talk time",
};

/** A pie this crowded stops being readable; the smallest shares are summed as "Others". */
export const MAX_PIE_SLICES = 8;

export type PieSlice = { key: string; label: string; value: number; share: number; style: SeriesStyle };

type Part = { key: string; label: string; value: number };

function withShares(parts: readonly Part[], styleOf: (part: Part, index: number) => SeriesStyle): PieSlice[] {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  return parts.map((p, i) => ({ ...p, share: total > 0 ? p.value / total : 0, style: styleOf(p, i) }));
}

/** Largest first, at most MAX_PIE_SLICES (the last one "Others" when some were folded in). */
function foldSmallest(parts: readonly Part[]): Part[] {
  const sorted = [...parts].sort((a, b) => b.value - a.value);
  if (sorted.length <= MAX_PIE_SLICES) return sorted;
  const kept = sorted.slice(0, MAX_PIE_SLICES - 1);
  const rest = sorted.slice(MAX_PIE_SLICES - 1);
  return [...kept, { key: "others", label: `Others (${rest.length})`, value: rest.reduce((s, p) => s + p.value, 0) }];
}

/**
 * The pie for `measure` over `accounts`. Answered vs missed is the accounts' own sum; the
 * other two are each account's share. Zero slices are left out (a sector of nothing cannot
 * be seen or labelled); the text table lists every account anyway.
 */
export function pieSlices(accounts: readonly ChartAccount[], measure: PieMeasure): PieSlice[] {
  if (measure === "outcome") {
    return outcomeSlices(
      accounts.reduce((s, a) => s + a.answered, 0),
      accounts.reduce((s, a) => s + a.missed, 0),
    );
  }
  const parts = accounts.map((a) => ({ key: a.extensionId, label: a.label, value: measure === "calls" ? a.calls : a.talkSec })).filter((p) => p.value > 0);
  // Colours follow the account's place in the selection, not its rank, so an extension keeps
  // its colour when the measure changes; "Others" takes the next free style.
  const order = new Map(accounts.map((a, i) => [a.extensionId, i]));
  return withShares(foldSmallest(parts), (p) => seriesStyle(order.get(p.key) ?? accounts.length));
}

/** Answered vs missed as two slices (either left out when it is zero). */
export function outcomeSlices(answered: number, missed: number): PieSlice[] {
  const parts = [
    { key: "answered", label: "Answered", value: answered },
    { key: "missed", label: "Missed", value: missed },
  ].filter((p) => p.value > 0);
  return withShares(parts, (p) => OUTCOME_STYLES[p.key as "answered" | "missed"]);
}

/** "42%": shares on sector labels, whole percent. */
export function percentLabel(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** The value as the text equivalent says it: a count or a spoken duration. */
export function valueText(measure: PieMeasure, value: number, locale: string): string {
  if (measure === "talk") return spokenSeconds(value);
  const count = new Intl.NumberFormat(locale).format(value);
  return `${count} ${value === 1 ? "call" : "calls"}`;
}

/** The pie's accessible name: what it shows and its largest slices. */
export function describePie(measure: PieMeasure, slices: readonly PieSlice[], locale: string): string {
  if (slices.length === 0) return `${PIE_MEASURE_LABELS[measure]}: nothing to show in this range.`;
  const parts = slices.slice(0, 3).map((s) => `${s.label} ${percentLabel(s.share, locale)}`);
  const more = slices.length > 3 ? `, and ${slices.length - 3} more` : "";
  return `${PIE_MEASURE_LABELS[measure]}, pie chart of ${slices.length} ${slices.length === 1 ? "segment" : "segments"}: ${parts.join(", ")}${more}.`;
}

/** Bars per extension in the selection's order: answered and missed stacked, talk in minutes. */
export type AccountBar = { key: string; label: string; answered: number; missed: number; other: number; calls: number; talkMin: number };

export function accountBars(accounts: readonly ChartAccount[]): AccountBar[] {
  return accounts.map((a) => ({
    key: a.extensionId,
    label: a.label,
    answered: a.answered,
    missed: a.missed,
    // Outbound calls are neither answered-by-us nor missed; the stack still adds up to all calls.
    other: Math.max(0, a.calls - a.answered - a.missed),
    calls: a.calls,
    talkMin: Math.round((a.talkSec / 60) * 10) / 10,
  }));
}

export function describeCallBars(bars: readonly AccountBar[], locale: string): string {
  if (bars.length === 0) return "Calls per extension: no extensions chosen.";
  const top = [...bars].sort((a, b) => b.calls - a.calls)[0]!;
  const n = new Intl.NumberFormat(locale);
  return `Calls per extension, bar chart of ${bars.length} ${bars.length === 1 ? "extension" : "extensions"}, answered and missed stacked; most calls: ${top.label} with ${n.format(top.calls)}.`;
}

export function describeTalkBars(bars: readonly AccountBar[], locale: string): string {
  if (bars.length === 0) return "Talk time per extension: no extensions chosen.";
  const top = [...bars].sort((a, b) => b.talkMin - a.talkMin)[0]!;
  return `Talk time per extension in minutes, bar chart of ${bars.length} ${bars.length === 1 ? "extension" : "extensions"}; longest: ${top.label} with ${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(top.talkMin)} minutes.`;
}
