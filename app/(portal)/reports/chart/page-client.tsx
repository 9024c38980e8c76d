"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { AccountPicker } from "@/components/reports/account-picker";
import { defaultSelection } from "@/components/reports/chart-selection";
import { CallsPerExtensionChart, TalkTimeChart } from "@/components/reports/report-bar-charts";
import { accountBars, pieSlices, type ChartAccount, type PieMeasure } from "@/components/reports/chart-model";
import { PieMeasureSwitch } from "@/components/reports/pie-measure-switch";
import { ReportPieChart } from "@/components/reports/report-pie-chart";
import { ReportRangePicker } from "@/components/reports/report-range-picker";
import { ReportTabs } from "@/components/reports/report-tabs";
import { useReportRange } from "@/components/reports/use-report-range";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExpandIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export function ReportsChartPageClient() {
  const trpc = useTRPC();
  const format = useFormat();
  const { draft, setDraft, range, error, today } = useReportRange();
  // null until the viewer picks: then the first MAX_COMPARED extensions are compared.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [measure, setMeasure] = useState<PieMeasure>("calls");
  const extensions = useQuery(trpc.extension.find.queryOptions());
  const selected = useMemo(() => picked ?? defaultSelection(extensions.data ?? []), [picked, extensions.data]);
  const chart = useQuery({ ...trpc.reports.chart.queryOptions({ range, extensionIds: selected }, { placeholderData: keepPreviousData }), enabled: selected.length > 0 });
  const accounts = useMemo(() => (extensions.data ?? []).map((x) => ({ id: x.id, label: `${x.number} ${x.displayName}` })), [extensions.data]);

  // In the picker's order, so each extension has the colour its checkbox shows.
  const compared: ChartAccount[] = useMemo(() => {
    const byId = new Map((chart.data?.extensions ?? []).map((a) => [a.extensionId, a]));
    return accounts.filter((a) => selected.includes(a.id)).flatMap((a) => byId.get(a.id) ?? []);
  }, [accounts, chart.data, selected]);
  const slices = useMemo(() => pieSlices(compared, measure), [compared, measure]);
  const bars = useMemo(() => accountBars(compared), [compared]);

  return (
    <>
      <PageHeader
        title="Call reports"
        description="Compare extensions: who takes the calls, who misses them, who talks longest."
        actions={
          <Link href="/reports/wallboard" className={buttonClasses({ variant: "secondary" })}>
            <ExpandIcon className="size-4" /> Wallboard
          </Link>
        }
      />
      <ReportTabs />
      <div className="mb-6">
        <ReportRangePicker draft={draft} onChange={setDraft} error={error} today={today} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
          {extensions.isPending ? <Skeleton className="h-40 w-full" /> : extensions.isError ? <QueryError error={extensions.error} onRetry={() => extensions.refetch()} /> : <AccountPicker accounts={accounts} selected={selected} onChange={setPicked} />}
        </div>
        <section aria-label="Charts" aria-busy={chart.isFetching || undefined} className="min-w-0 space-y-6">
          {selected.length === 0 ? (
            <EmptyState title="No extensions chosen" description={accounts.length === 0 ? "There are no extensions to report on yet." : "Choose one or more extensions to compare."} />
          ) : chart.isPending ? (
            <div role="status" aria-label="Loading charts" className="space-y-4">
              <Skeleton className="h-72 w-full" />
              <Skeleton className="h-40 w-full" />
            </div>
          ) : chart.isError || !chart.data ? (
            <QueryError error={chart.error} onRetry={() => chart.refetch()} />
          ) : compared.every((a) => a.calls === 0) ? (
            <EmptyState title="No calls in this range" description="None of the chosen extensions had calls in this period. Choose a longer period or other extensions." />
          ) : (
            <>
              <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
                  <p className="text-sm text-gray-600" data-testid="chart-range">
                    {chart.data.from === chart.data.to ? chart.data.from : `${chart.data.from} to ${chart.data.to}`} · {compared.length} {compared.length === 1 ? "extension" : "extensions"}
                  </p>
                  <PieMeasureSwitch value={measure} onChange={setMeasure} />
                </div>
                <ReportPieChart slices={slices} measure={measure} />
                {measure === "outcome" && (
                  <p className="mt-2 text-sm text-gray-600" data-testid="company-outcome">
                    Whole company: {format.number(chart.data.company.answered)} answered, {format.number(chart.data.company.missed)} missed.
                  </p>
                )}
              </div>
              <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <CallsPerExtensionChart bars={bars} />
              </div>
              <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <TalkTimeChart bars={bars} />
              </div>
            </>
          )}
        </section>
      </div>
    </>
  );
}
