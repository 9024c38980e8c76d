"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { readCsvResponse, type CsvProgress } from "./csv-stream";

export type CsvExportState =
  | { status: "idle" }
  | { status: "running"; progress: CsvProgress }
  | { status: "done"; progress: CsvProgress; filename: string }
  | { status: "canceled"; progress: CsvProgress }
  | { status: "failed"; message: string };

/** Hands a finished file to the browser's download, then frees the blob. */
function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a streamed CSV export with fetch, so the page can count what has arrived and
 * cancel half-way (a plain link would hand the download to the browser, out of reach), then
 * saves it as one Blob. One export at a time; leaving the page cancels it.
 */
export function useCsvExport() {
  const [state, setState] = useState<CsvExportState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  const progress = useRef<CsvProgress>({ bytes: 0, rows: 0, totalRows: null });

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (url: string, fallbackName: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    progress.current = { bytes: 0, rows: 0, totalRows: null };
    setState({ status: "running", progress: progress.current });
    try {
      const response = await fetch(url, { signal: current.signal, credentials: "same-origin", headers: { accept: "text/csv" } });
      const file = await readCsvResponse(response, {
        fallbackName,
        signal: current.signal,
        onProgress: (p) => {
          progress.current = p;
          setState({ status: "running", progress: p });
        },
      });
      saveBlob(file.blob, file.filename);
      setState({ status: "done", progress: { bytes: file.bytes, rows: file.rows, totalRows: file.totalRows }, filename: file.filename });
    } catch (err) {
      if (current.signal.aborted) {
        // A newer export replaced this one: it owns the state now.
        if (controller.current === current) setState({ status: "canceled", progress: progress.current });
        return;
      }
      const message = err instanceof Error && !/failed to fetch|networkerror|load failed/i.test(err.message) ? err.message : "Can't reach the server. Check your connection and try again.";
      setState({ status: "failed", message });
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
