/**
 * Reads a streamed CSV response chunk by chunk, counting bytes and records as they arrive, so
 * the page can show progress on a large export and stop it half-way. Records are counted by
 * line ends outside quotes (a quoted field may hold a line break), across chunk boundaries.
 */

export type CsvProgress = {
  bytes: number;
  rows: number;
  /** The data lines the server announced (X-Total-Rows), when it did: a bar can show the share. */
  totalRows: number | null;
};
export type CsvFile = CsvProgress & { blob: Blob; filename: string };

/** The export route's announced line count (server/modules/reports/export.ts). */
export const TOTAL_ROWS_HEADER = "x-total-rows";

function announcedRows(response: Response): number | null {
  const value = Number(response.headers.get(TOTAL_ROWS_HEADER) ?? Number.NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Counts records in a CSV byte stream; the first record is the header and is not counted. */
export class CsvRecordCounter {
  private isInQuotes = false;
  private lineEnds = 0;
  private hasOpenLine = false;

  push(chunk: Uint8Array) {
    for (const byte of chunk) {
      if (byte === QUOTE) this.isInQuotes = !this.isInQuotes;
      else if (byte === NEWLINE && !this.isInQuotes) {
        this.lineEnds++;
        this.hasOpenLine = false;
        continue;
      }
      this.hasOpenLine = true;
    }
  }

  /** Whole data rows so far (records after the header whose line end has arrived). */
  get completeRows(): number {
    return Math.max(0, this.lineEnds - 1);
  }

  /** Data rows once the stream has ended: a last line without its line end counts too. */
  get rows(): number {
    return Math.max(0, this.lineEnds + (this.hasOpenLine ? 1 : 0) - 1);
  }
}

/** The name the server gave the file, else `fallback`. */
export function filenameFrom(contentDisposition: string | null, fallback: string): string {
  const encoded = contentDisposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  return contentDisposition?.match(/filename="?([^";]+)"?/i)?.[1]?.trim() || fallback;
}

/** The message of a refused export: the API's `{ error: { message } }`, else the status. */
async function refusalMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof body.error === "string" ? body.error : (body.error?.message ?? body.message);
    if (typeof message === "string" && message) return message;
  } catch {
    // not JSON
  }
  if (response.status === 401) return "Your session has ended. Sign in again.";
  return `The export failed (${response.status}). Try again.`;
}

/** Reads `response` to the end (or until `signal` aborts), reporting progress per chunk. */
export async function readCsvResponse(response: Response, options: { fallbackName: string; onProgress?: (p: CsvProgress) => void; signal?: AbortSignal }): Promise<CsvFile> {
  if (!response.ok) throw new Error(await refusalMessage(response));
  if (!response.body) throw new Error("The export came back empty. Try again.");
  const reader = response.body.getReader();
  const counter = new CsvRecordCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const totalRows = announcedRows(response);
  let bytes = 0;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      bytes += value.byteLength;
      counter.push(value);
      options.onProgress?.({ bytes, rows: counter.completeRows, totalRows });
    }
    options.signal?.throwIfAborted();
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  const type = response.headers.get("content-type") ?? "text/csv";
  return { blob: new Blob(chunks, { type }), bytes, rows: counter.rows, totalRows, filename: filenameFrom(response.headers.get("content-disposition"), options.fallbackName) };
}

/** "12.3 kB": how much of the export has arrived. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
