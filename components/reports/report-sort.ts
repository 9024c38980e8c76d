/**
 * Sorting the report table by any column. Pure: the header buttons only say which column and
 * the table renders what this returns. Rows without a figure (no calls, costs hidden) sort
 * last in both directions, so flipping the order never buries the numbers under dashes.
 */
import type { ReportRow } from "@/server/modules/reports/schema";

export const SORT_COLUMNS = ["label", "callsIn", "callsOut", "missed", "answeredRate", "avgTalkSec", "talkSec", "avgRingSec", "cost"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = "asc" | "desc";
export type ReportSort = { column: SortColumn; direction: SortDirection };

export const DEFAULT_SORT: ReportSort = { column: "label", direction: "asc" };

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function sortValue(row: ReportRow, column: Exclude<SortColumn, "label">): number | null {
  if (column === "cost") return row.cost === null ? null : Number(row.cost);
  return row[column];
}

function compare(a: ReportRow, b: ReportRow, sort: ReportSort): number {
  const sign = sort.direction === "asc" ? 1 : -1;
  if (sort.column === "label") return sign * collator.compare(a.label, b.label);
  const x = sortValue(a, sort.column);
  const y = sortValue(b, sort.column);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return sign * (x - y);
}

/** A sorted copy; ties keep the label order, so the table never shuffles between refreshes. */
export function sortRows(rows: readonly ReportRow[], sort: ReportSort): ReportRow[] {
  return [...rows].sort((a, b) => compare(a, b, sort) || collator.compare(a.label, b.label));
}

/** Clicking a header: the same column flips; a new one starts A→Z for names, largest first for figures. */
export function nextSort(current: ReportSort, column: SortColumn): ReportSort {
  if (current.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: column === "label" ? "asc" : "desc" };
}

export function ariaSort(current: ReportSort, column: SortColumn): "ascending" | "descending" | "none" {
  if (current.column !== column) return "none";
  return current.direction === "asc" ? "ascending" : "descending";
}
