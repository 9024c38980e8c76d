/**
 * GET /api/reports/export.csv?range=…[&from=…&to=…][&extensionIds=a,b][&kind=table|calls]
 *
 * The same input, scope and cost rule as reports.table (schema.ts reads the query string):
 * - kind=table (default): the report table, the same numbers as reports.table;
 * - kind=calls: every call of the range, newest first, read by keyset one page at a time and
 *   written as it is read (ReadableStream pull: the next page is fetched only when the client
 *   has taken the last), so a year of a busy company is never held in memory.
 *
 * `X-Total-Rows` says how many data lines follow (for calls, from the rollup, without a scan),
 * so a page reading the body with fetch + ReadableStream can show its progress.
 */
import type { LiveSession } from "../../auth/session-watch";
import { endsWithSession } from "../../web/session-bound-stream";
import type { SessionUser } from "../../auth/session-user";
import { csvCell, type CsvCell } from "../../csv/write-csv";
import { appErrorResponse, errorResponse, unauthorized } from "../../media/http/media-response";
import { tenantDb, type TenantScope } from "../../tenancy";
import { countCalls, listCallRecords, type CallCursor, type CallRecordListItem } from "./queries";
import { rangeInstants } from "./range";
import { REPORT_EXPORT_KINDS, reportInputFromSearch, ZReportInput, type ReportRow, type TReportExportKind, type TReportInput } from "./schema";
import { getReportTable, prepareReport } from "./service";

export const EXPORT_PAGE_SIZE = 1_000;
export const TOTAL_ROWS_HEADER = "X-Total-Rows";

/** `getSession`: the request's live session; the download ends when it does (session-bound-stream.ts). */
type Deps = { getSession: (request: Request) => Promise<Pick<LiveSession, "user" | "watch"> | null>; pageSize?: number; now?: () => Date };

const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;

function csvResponse(fileName: string, totalRows: number, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Proxies that buffer (nginx) would hold a long export back until it ends.
      "X-Accel-Buffering": "no",
      [TOTAL_ROWS_HEADER]: String(totalRows),
      "Access-Control-Expose-Headers": TOTAL_ROWS_HEADER,
    },
  });
}

/** A stream of `first`, then whatever `next` returns until it returns null, one chunk per pull. */
function pullStream(first: string, next: () => Promise<string | null>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isFirst) {
        isFirst = false;
        controller.enqueue(encoder.encode(first));
        return;
      }
      try {
        const chunk = await next();
        if (chunk === null) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      } catch (err) {
        // Headers are gone already: the client sees a broken download rather than a short file.
        onError(err);
        controller.error(err);
      }
    },
  });
}

const reportCells = (row: Omit<ReportRow, "extensionId" | "label">, label: string, showsCosts: boolean): CsvCell[] => [
  label, row.callsIn, row.callsOut, row.answered, row.missed,
  row.answeredRate === null ? null : Number((row.answeredRate * 100).toFixed(2)),
  row.talkSec, row.avgTalkSec, row.avgRingSec,
  ...(showsCosts ? [row.cost === null ? null : Number(row.cost)] : []),
];

async function tableExport(scope: TenantScope, user: SessionUser, input: TReportInput, now: Date): Promise<Response> {
  const table = await getReportTable(scope, user, input, now);
  const header = ["Extension", "Calls in", "Calls out", "Answered", "Missed", "Answered (%)", "Talk time (s)", "Average talk (s)", "Average ring (s)",
    ...(table.showsCosts ? [`Cost (${table.currency})`] : [])];
  const lines = [
    ...table.rows.map((row) => line(reportCells(row, row.label, table.showsCosts))),
    line(reportCells(table.total, "Total", table.showsCosts)),
    line(reportCells(table.averagePerExtension, "Average per extension", table.showsCosts)),
  ];
  // A table is small (one line per extension): it goes out in one chunk after the header.
  let rest: string | null = lines.join("");
  const body = pullStream(line(header), async () => {
    const chunk = rest;
    rest = null;
    return chunk;
  }, () => {});
  return csvResponse(`call-report-${table.from}-to-${table.to}.csv`, lines.length, body);
}

/** "2027-01-11 09:00:05" in the company's zone: what a spreadsheet reads as a date and time. */
function localDateTime(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
  return (at: Date) => {
    const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
}

async function callsExport(scope: TenantScope, user: SessionUser, input: TReportInput, now: Date, pageSize: number): Promise<Response> {
  const { settings, days, reach, showsCosts } = await prepareReport(scope, user, input, now);
  const { start, end } = rangeInstants(days, settings.timeZone);
  const extensionIds = reach.filter.all ? undefined : reach.filter.ids;
  const total = await countCalls(scope.db, scope.tenantId, days, reach.filter);
  const labels = new Map(reach.extensions.map((e) => [e.id, `${e.number} ${e.displayName}`]));
  const when = localDateTime(settings.timeZone);
  const header = [`Started (${settings.timeZone})`, "Direction", "From", "To", "Extension", "Result", "Answered by", "Ring (s)", "Talk (s)",
    ...(showsCosts ? ["Cost", "Currency"] : [])];
  const cells = (c: CallRecordListItem): CsvCell[] => [
    when(c.startedAt), c.direction, c.callerNumber, c.calledNumber, c.extensionId ? (labels.get(c.extensionId) ?? "Deleted extension") : "",
    c.disposition, c.answeredBy, c.answeredAt ? Math.max(0, Math.floor((c.answeredAt.getTime() - c.startedAt.getTime()) / 1000)) : null, c.billableSec,
    ...(showsCosts ? [c.cost === null ? null : Number(c.cost), c.currency] : []),
  ];
  let before: CallCursor | undefined;
  let done = false;
  const nextPage = async () => {
    if (done) return null;
    const page = await listCallRecords(scope.db, scope.tenantId, { before, limit: pageSize, extensionIds, since: start, until: end });
    if (page.length < pageSize) done = true;
    if (page.length === 0) return null;
    const last = page[page.length - 1]!;
    before = { startedAt: last.startedAt, id: last.id };
    return page.map((c) => line(cells(c))).join("");
  };
  const body = pullStream(line(header), nextPage, (err) => console.error(`[reports] calls export of tenant ${scope.tenantId} failed mid-stream`, err));
  return csvResponse(`calls-${days.from}-to-${days.to}.csv`, total, body);
}

export function createReportExportHandler({ getSession, pageSize = EXPORT_PAGE_SIZE, now = () => new Date() }: Deps) {
  return async function GET(request: Request): Promise<Response> {
    const session = await getSession(request);
    if (!session) return unauthorized();
    const { user } = session;
    if (!user.tenantId) return errorResponse(403, "forbidden", "Reports are for customer accounts.");
    const params = new URL(request.url).searchParams;
    const kind = (params.get("kind") ?? "table") as TReportExportKind;
    if (!REPORT_EXPORT_KINDS.includes(kind)) return errorResponse(400, "invalid", `kind must be one of ${REPORT_EXPORT_KINDS.join(", ")}.`);
    const parsed = ZReportInput.safeParse(reportInputFromSearch(params));
    if (!parsed.success) return errorResponse(400, "invalid", parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
    const scope: TenantScope = { tenantId: user.tenantId, db: tenantDb(user.tenantId) };
    try {
      const response = kind === "calls" ? await callsExport(scope, user, parsed.data, now(), pageSize) : await tableExport(scope, user, parsed.data, now());
      return response.body ? new Response(endsWithSession(response.body, session.watch), { status: response.status, headers: response.headers }) : response;
    } catch (err) {
      return appErrorResponse(err, "reports export");
    }
  };
}
