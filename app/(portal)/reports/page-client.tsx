"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { CsvExportPanel } from "@/components/reports/csv-export-panel";
import { ReportRangePicker } from "@/components/reports/report-range-picker";
import { ReportSummary } from "@/components/reports/report-summary";
import { ReportTableView } from "@/components/reports/report-table";
import { ReportTabs } from "@/components/reports/report-tabs";
import { useReportRange } from "@/components/reports/use-report-range";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExpandIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { reportExportUrl, type ReportTable } from "@/server/modules/reports/schema";

const WHOLE_COMPANY = "";

export function ReportsTablePageClient({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const { draft, setDraft, range, error, today } = useReportRange();
  const [extensionId, setExtensionId] = useState(WHOLE_COMPANY);
  const extensionIds = extensionId === WHOLE_COMPANY ? undefined : [extensionId];
  const input = { range, ...(extensionIds ? { extensionIds } : {}) };
  const report = useQuery(trpc.reports.table.queryOptions(input, { placeholderData: keepPreviousData }));
  const extensions = useQuery({ ...trpc.extension.find.queryOptions(), enabled: isAdmin });

  return (
    <>
      <PageHeader
        title="Call reports"
        description={isAdmin ? "Calls of your company per extension, in your company's local days." : "Your own calls, in your company's local days."}
        actions={
          <Link href="/reports/wallboard" className={buttonClasses({ variant: "secondary" })}>
            <ExpandIcon className="size-4" /> Wallboard
          </Link>
        }
      />
      <ReportTabs />
      <div className="space-y-6">
        <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            <ReportRangePicker draft={draft} onChange={setDraft} error={error} today={today} />
            {isAdmin && (
              <div className="space-y-1">
                <label htmlFor="report-extension" className="block text-xs font-medium text-gray-700">
                  Show
                </label>
                <Select
                  id="report-extension"
                  value={extensionId}
                  onChange={(e) => setExtensionId(e.target.value)}
                  className="w-64"
                  options={[{ value: WHOLE_COMPANY, label: "Whole company" }, ...(extensions.data ?? []).map((x) => ({ value: x.id, label: `${x.number} ${x.displayName}` }))]}
                />
              </div>
            )}
          </div>
          <CsvExportPanel
            isDisabled={!report.data}
            choices={[
              { kind: "table", label: "Export table (CSV)", url: reportExportUrl(input, "table"), fallbackName: "call-report.csv" },
              { kind: "calls", label: "Export calls (CSV)", url: reportExportUrl(input, "calls"), fallbackName: "calls.csv" },
            ]}
          />
        </div>
        <ReportBody report={report} isOwnLine={!isAdmin} />
      </div>
    </>
  );
}

type ReportQuery = { data?: ReportTable; isPending: boolean; isError: boolean; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };

function ReportBody({ report, isOwnLine }: { report: ReportQuery; isOwnLine: boolean }) {
  if (report.isPending) return <TableSkeleton label="Loading call reports" />;
  if (report.isError || !report.data) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const data = report.data;
  const hasCalls = data.total.callsIn + data.total.callsOut > 0;
  return (
    <section aria-label="Report" aria-busy={report.isPlaceholderData || undefined} className={report.isPlaceholderData ? "opacity-60 transition-opacity" : ""}>
      <p className="mb-3 text-sm text-gray-600" data-testid="report-range">
        <RangeText from={data.from} to={data.to} /> · times in {data.timeZone}
      </p>
      {hasCalls ? (
        <div className="space-y-6">
          <ReportSummary report={data} isOwnLine={isOwnLine} />
          <ReportTableView report={data} />
        </div>
      ) : (
        <EmptyState title="No calls in this range" description="Choose a longer period, or check again once calls have been made." />
      )}
    </section>
  );
}

function RangeText({ from, to }: { from: string; to: string }) {
  return <>{from === to ? from : `${from} to ${to}`}</>;
}
