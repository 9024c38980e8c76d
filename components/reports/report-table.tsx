"use client";

import { useMemo, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { Table, TBody, Td, THead, Tr } from "@/components/ui/table";
import type { ReportRow, ReportTable } from "@/server/modules/reports/schema";
import { formatRate, formatSeconds, NO_FIGURE } from "./report-format";
import { DEFAULT_SORT, nextSort, sortRows, type ReportSort } from "./report-sort";
import { SortHeader } from "./sort-header";

const NUMERIC = "text-right whitespace-nowrap tabular-nums";

/** One line per extension (and the company's own numbers), sortable by every column. */
export function ReportTableView({ report, caption = "Calls per extension" }: { report: ReportTable; caption?: string }) {
  const format = useFormat();
  const [sort, setSort] = useState<ReportSort>(DEFAULT_SORT);
  const rows = useMemo(() => sortRows(report.rows, sort), [report.rows, sort]);
  const onSort = (column: ReportSort["column"]) => setSort((current) => nextSort(current, column));
  const money = (row: ReportRow) => (row.cost === null ? NO_FIGURE : format.money(row.cost, report.currency));

  return (
    <Table caption={caption}>
      <THead>
        <SortHeader column="label" sort={sort} onSort={onSort} isNumeric={false}>
          Extension
        </SortHeader>
        <SortHeader column="callsIn" sort={sort} onSort={onSort}>
          Calls in
        </SortHeader>
        <SortHeader column="callsOut" sort={sort} onSort={onSort}>
          Calls out
        </SortHeader>
        <SortHeader column="missed" sort={sort} onSort={onSort}>
          Missed
        </SortHeader>
        <SortHeader column="answeredRate" sort={sort} onSort={onSort}>
          Answered
        </SortHeader>
        <SortHeader column="avgTalkSec" sort={sort} onSort={onSort}>
          Avg talk
        </SortHeader>
        <SortHeader column="talkSec" sort={sort} onSort={onSort}>
          Total talk
        </SortHeader>
        <SortHeader column="avgRingSec" sort={sort} onSort={onSort}>
          Avg ring
        </SortHeader>
        {report.showsCosts ? (
          <SortHeader column="cost" sort={sort} onSort={onSort}>
            Cost
          </SortHeader>
        ) : null}
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.extensionId ?? "company"}>
            <Td card="title" className="font-medium whitespace-nowrap text-gray-900" data-testid="report-label">
              {row.label}
            </Td>
            <Td label="Calls in" className={NUMERIC}>
              {format.number(row.callsIn)}
            </Td>
            <Td label="Calls out" className={NUMERIC}>
              {format.number(row.callsOut)}
            </Td>
            <Td label="Missed" className={NUMERIC}>
              {format.number(row.missed)}
            </Td>
            <Td label="Answered" className={NUMERIC}>
              {formatRate(row.answeredRate, format.locale)}
            </Td>
            <Td label="Avg talk" className={NUMERIC}>
              {formatSeconds(row.avgTalkSec)}
            </Td>
            <Td label="Total talk" className={NUMERIC}>
              {formatSeconds(row.talkSec)}
            </Td>
            <Td label="Avg ring" className={NUMERIC}>
              {formatSeconds(row.avgRingSec)}
            </Td>
            {report.showsCosts ? (
              <Td label="Cost" className={NUMERIC}>
                {money(row)}
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
