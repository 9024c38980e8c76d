import { Th } from "@/components/ui/table";
import { ariaSort, type ReportSort, type SortColumn } from "./report-sort";

const ARROWS = { ascending: "▲", descending: "▼", none: "↕" } as const;

/**
 * A column header that sorts: a real button (Tab, Enter, Space) inside a header cell that
 * carries aria-sort, so screen readers announce the order with the column's name.
 */
export function SortHeader({ column, sort, onSort, children, isNumeric = true }: { column: SortColumn; sort: ReportSort; onSort: (column: SortColumn) => void; children: string; isNumeric?: boolean }) {
  const state = ariaSort(sort, column);
  return (
    <Th aria-sort={state} className={isNumeric ? "text-right" : ""}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-1 rounded uppercase hover:text-gray-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${isNumeric ? "flex-row-reverse" : ""}`}
      >
        {children}
        <span aria-hidden="true" className={state === "none" ? "text-gray-400" : "text-indigo-700"}>
          {ARROWS[state]}
        </span>
      </button>
    </Th>
  );
}
