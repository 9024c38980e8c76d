"use client";

import { useFormat } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { formatBytes, type CsvProgress } from "./csv-stream";
import { useCsvExport, type CsvExportState } from "./use-csv-export";

export type ExportChoice = { kind: "table" | "calls"; label: string; url: string; fallbackName: string };

/**
 * The CSV export buttons and, while a file streams in, how much has arrived and a Cancel
 * button. The progress line is a polite live region: announced, never interrupting.
 */
export function CsvExportPanel({ choices, isDisabled = false }: { choices: readonly ExportChoice[]; isDisabled?: boolean }) {
  const { state, start, cancel } = useCsvExport();
  const isRunning = state.status === "running";
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <Button key={choice.kind} variant="secondary" disabled={isDisabled || isRunning} onClick={() => void start(choice.url, choice.fallbackName)}>
            {choice.label}
          </Button>
        ))}
        {isRunning && (
          <Button variant="ghost" onClick={cancel}>
            Cancel export
          </Button>
        )}
      </div>
      <ExportStatus state={state} />
    </div>
  );
}

function ExportStatus({ state }: { state: CsvExportState }) {
  const format = useFormat();
  const received = (p: CsvProgress) => {
    const rows = p.totalRows !== null && state.status === "running" ? `${format.number(p.rows)} of ${format.number(p.totalRows)} rows` : `${format.number(p.rows)} ${p.rows === 1 ? "row" : "rows"}`;
    return `${rows}, ${formatBytes(p.bytes, format.locale)}`;
  };
  const text =
    state.status === "running"
      ? `Exporting… ${received(state.progress)} received`
      : state.status === "done"
        ? `Downloaded ${state.filename}: ${received(state.progress)}.`
        : state.status === "canceled"
          ? `Export canceled after ${received(state.progress)}.`
          : state.status === "failed"
            ? state.message
            : "";
  const bar = state.status === "running" && state.progress.totalRows ? (
    // Decorative twin of the text: the live region already says the same in words.
    <progress aria-hidden="true" max={state.progress.totalRows} value={Math.min(state.progress.rows, state.progress.totalRows)} className="h-1.5 w-48 accent-indigo-600" />
  ) : null;
  return (
    <>
      {bar}
      <p role="status" aria-live="polite" data-testid="export-status" data-state={state.status} className={`min-h-5 text-sm tabular-nums ${state.status === "failed" ? "text-red-700" : "text-gray-600"}`}>
      {text}
      </p>
    </>
  );
}
