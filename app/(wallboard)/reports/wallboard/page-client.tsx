"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { FullscreenButton } from "@/components/extensions/fullscreen-button";
import { StreamStatusBadge } from "@/components/extensions/stream-status";
import { usePresenceStream } from "@/components/extensions/use-presence-stream";
import { WallboardGrid } from "@/components/extensions/wallboard-grid";
import { useFormat } from "@/components/format/format-provider";
import { useTRPC } from "@/components/providers/trpc-react";
import { accountBars, outcomeSlices } from "@/components/reports/chart-model";
import { CallsPerExtensionChart } from "@/components/reports/report-bar-charts";
import { ReportPieChart } from "@/components/reports/report-pie-chart";
import { ReportSummary } from "@/components/reports/report-summary";
import { WallboardReportTable } from "@/components/reports/wallboard-report-table";
import { REPORT_REFRESH_MS, TODAY } from "@/components/reports/wallboard-refresh";
import { errorMessage } from "@/components/ui/errors";

/** Bars that fit beside the table on a 1080p screen; the busiest extensions get them. */
const MAX_BARS = 10;

export function ReportsWallboardPageClient({ organisation }: { organisation: string }) {
  const trpc = useTRPC();
  const format = useFormat();
  const poll = { refetchInterval: REPORT_REFRESH_MS, refetchIntervalInBackground: true };
  const table = useQuery({ ...trpc.reports.table.queryOptions(TODAY), ...poll });
  const chart = useQuery({ ...trpc.reports.chart.queryOptions(TODAY), ...poll });
  const { query: presence, rows, status } = usePresenceStream();
  const bars = useMemo(() => accountBars([...(chart.data?.extensions ?? [])].sort((a, b) => b.calls - a.calls).slice(0, MAX_BARS)), [chart.data]);
  const slices = useMemo(() => (chart.data ? outcomeSlices(chart.data.company.answered, chart.data.company.missed) : []), [chart.data]);
  const updatedAt = Math.max(table.dataUpdatedAt, chart.dataUpdatedAt);
  const failure = table.error ?? chart.error;

  return (
    <div className="fixed inset-0 flex flex-col gap-3 overflow-hidden bg-gray-950 p-3 text-gray-100">
      <header className="flex h-10 shrink-0 items-center gap-4 px-1">
        <h1 className="truncate text-2xl font-semibold text-white">{organisation} · Calls today</h1>
        <p className="text-lg text-gray-300 tabular-nums" data-testid="wallboard-updated">
          {updatedAt > 0 && <>Updated {format.time(new Date(updatedAt))}</>}
          {(table.isFetching || chart.isFetching) && <span className="sr-only"> (refreshing)</span>}
        </p>
        <div className="ml-auto flex items-center gap-3">
          <StreamStatusBadge status={status} isDark />
          <FullscreenButton />
          <Link href="/reports" className="rounded px-1 text-lg text-gray-300 underline hover:text-white focus-visible:outline-2 focus-visible:outline-white">
            Exit
          </Link>
        </div>
      </header>
      {failure && (
        // Stale figures stay up under the notice: a board that blanks on one failed poll helps nobody.
        <p role="alert" className="shrink-0 rounded border border-red-400 bg-red-950 px-3 py-1 text-lg text-red-100">
          {errorMessage(failure)} Retrying every {REPORT_REFRESH_MS / 1000} seconds.
        </p>
      )}
      {table.data && <ReportSummary report={table.data} tone="wallboard" />}
      <div className="grid min-h-0 flex-[3] grid-cols-[minmax(0,1.3fr)_minmax(0,0.9fr)_minmax(0,1.2fr)] gap-3">
        <section aria-label="Calls per extension today" className="flex min-h-0 flex-col rounded-lg border border-gray-700 bg-gray-900 p-2">
          {table.data ? table.data.total.callsIn + table.data.total.callsOut === 0 ? <p className="m-auto text-2xl text-gray-300">No calls yet today.</p> : <WallboardReportTable report={table.data} /> : <p className="m-auto text-xl text-gray-300">Loading…</p>}
        </section>
        <section aria-label="Answered and missed today" className="min-h-0 overflow-hidden rounded-lg border border-gray-700 bg-gray-900 p-3">
          <ReportPieChart slices={slices} measure="outcome" tone="wallboard" height={280} title="Answered vs missed" />
        </section>
        <section aria-label="Calls per extension chart" className="min-h-0 overflow-hidden rounded-lg border border-gray-700 bg-gray-900 p-3">
          <CallsPerExtensionChart bars={bars} tone="wallboard" maxHeight={420} />
        </section>
      </div>
      <section aria-label="Extensions, live" className="flex min-h-0 flex-[2] flex-col">
        {presence.isError ? (
          <p role="alert" className="m-auto text-lg text-red-200">
            {errorMessage(presence.error)}
          </p>
        ) : rows && rows.length === 0 ? (
          <p className="m-auto text-lg text-gray-300">No extensions to show.</p>
        ) : (
          <WallboardGrid rows={rows ?? []} />
        )}
      </section>
    </div>
  );
}
