"use client";

import { useEffect, useRef, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import type { ReportTable } from "@/server/modules/reports/schema";
import { formatRate, formatSeconds } from "./report-format";
import { sortRows } from "./report-sort";

/** Row height of the wallboard table at its type size, header included once. */
const ROW_PX = 46;

/**
 * Today's lines in large type for the wallboard, busiest first. It measures its box and shows
 * as many lines as fit (never a scroll bar on a TV), saying how many more there are.
 */
export function WallboardReportTable({ report }: { report: ReportTable }) {
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  const [fits, setFits] = useState(8);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      // One line for the header and one for the "and N more" note.
      if (entry) setFits(Math.max(1, Math.floor(entry.contentRect.height / ROW_PX) - 2));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const rows = sortRows(report.rows, { column: "callsIn", direction: "desc" });
  const shown = rows.slice(0, fits);
  const hidden = rows.length - shown.length;
  const cell = "px-3 text-right tabular-nums";
  return (
    <div ref={ref} className="min-h-0 flex-1 overflow-hidden" data-testid="wallboard-table">
      {/* Fixed layout: the name keeps most of the width, so it is not squeezed by the figures. */}
      <table className="w-full table-fixed text-2xl text-gray-100">
        <caption className="sr-only">Calls per extension today, busiest first</caption>
        <colgroup>
          <col className="w-[34%]" />
          <col className="w-[11%]" />
          <col className="w-[11%]" />
          <col className="w-[14%]" />
          <col className="w-[15%]" />
          <col className="w-[15%]" />
        </colgroup>
        <thead>
          <tr className="h-[46px] border-b border-gray-600 text-left text-lg text-gray-300">
            <th scope="col" className="px-3 font-medium">Extension</th>
            <th scope="col" className={`${cell} font-medium`}>In</th>
            <th scope="col" className={`${cell} font-medium`}>Out</th>
            <th scope="col" className={`${cell} font-medium`}>Missed</th>
            <th scope="col" className={`${cell} font-medium`}>Answered</th>
            <th scope="col" className={`${cell} font-medium`}>Talk</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.extensionId ?? "company"} className="h-[46px] border-b border-gray-800">
              <th scope="row" className="truncate px-3 text-left font-semibold text-white" title={row.label}>
                {row.label}
              </th>
              <td className={cell}>{format.number(row.callsIn)}</td>
              <td className={cell}>{format.number(row.callsOut)}</td>
              <td className={`${cell} ${row.missed > 0 ? "font-bold text-orange-300" : ""}`}>{format.number(row.missed)}</td>
              <td className={cell}>{formatRate(row.answeredRate, format.locale)}</td>
              <td className={cell}>{formatSeconds(row.talkSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p className="px-3 pt-2 text-lg text-gray-300">and {hidden} more {hidden === 1 ? "line" : "lines"} (see Call reports)</p>}
    </div>
  );
}
