/**
 * The call reports' contract (issue 13): what the table, the chart and the CSV export take and
 * return. Browser-safe (no server imports), so the report pages type their forms with it.
 * Ranges are the company's local days, inclusive, read in its time zone.
 */
import { z } from "zod";
import { ZRecordId } from "../../validation/text";

const ZLocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-01-31").refine(
  (d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  "Not a real date",
);

/** The longest custom range a report covers. */
export const MAX_REPORT_DAYS = 366;

export const ZReportRange = z.discriminatedUnion("preset", [
  z.object({ preset: z.literal("today") }),
  /** Monday to today. */
  z.object({ preset: z.literal("week") }),
  /** The 1st to today. */
  z.object({ preset: z.literal("month") }),
  z.object({ preset: z.literal("custom"), from: ZLocalDay, to: ZLocalDay }).refine((r) => r.from <= r.to, { message: "The range ends before it starts", path: ["to"] }),
]);
export type TReportRange = z.infer<typeof ZReportRange>;

export const ZReportInput = z.object({
  range: ZReportRange,
  /** Only these extensions (the chart's "selected accounts"); absent = all. Extension users always get only their own. */
  extensionIds: z.array(ZRecordId).max(500).optional(),
});
export type TReportInput = z.infer<typeof ZReportInput>;

/** One line of the table: an extension, or the company's calls no extension took part in. */
export interface ReportRow {
  /** null: calls of no extension (e.g. a number straight to voicemail or an outside forward). */
  extensionId: string | null;
  /** "201 Alice Archer", or "Company numbers". */
  label: string;
  callsIn: number;
  callsOut: number;
  /** Inbound and internal calls nobody answered (NO_ANSWER, VOICEMAIL). */
  missed: number;
  answered: number;
  /** answered / calls, 0..1; null with no calls. */
  answeredRate: number | null;
  talkSec: number;
  avgTalkSec: number | null;
  avgRingSec: number | null;
  /** Decimal string in `currency`; null when the viewer may not see costs (cost-visibility.ts). */
  cost: string | null;
}

export interface ReportTable {
  /** The range resolved to local days, and the zone they are read in. */
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  showsCosts: boolean;
  rows: ReportRow[];
  /** The whole company (or, for an extension user, their own line). */
  total: ReportRow;
  /** Per person: the mean over the rows with an extension. */
  averagePerExtension: Omit<ReportRow, "extensionId" | "label">;
}

/** One extension's bar in the chart ("selected accounts"). */
export interface ReportChartBar {
  extensionId: string;
  /** "201 Alice Archer". */
  label: string;
  /** In and out, as the table's callsIn + callsOut. */
  calls: number;
  answered: number;
  /** As the table's `missed`: inbound and internal calls nobody answered. */
  missed: number;
  talkSec: number;
}

/** One local day of the range, for a time axis; days without calls are zeros, not gaps. */
export interface ReportChartDay {
  day: string;
  calls: number;
  answered: number;
  missed: number;
}

export interface ReportChart {
  from: string;
  to: string;
  timeZone: string;
  /** Every extension in scope (all the viewer may see, or `extensionIds`), ordered by number. */
  extensions: ReportChartBar[];
  /** Answered vs missed for the whole scope (the company, or an extension user's own lines). */
  company: { calls: number; answered: number; missed: number };
  days: ReportChartDay[];
}

/** What GET /api/reports/export.csv writes: the report table, or the range's calls one per line. */
export const REPORT_EXPORT_KINDS = ["table", "calls"] as const;
export type TReportExportKind = (typeof REPORT_EXPORT_KINDS)[number];

/**
 * The export's address for a report input: `/api/reports/export.csv?range=custom&from=…&to=…
 * &extensionIds=a,b&kind=calls`. The route reads it back with `reportInputFromSearch` and
 * validates it with ZReportInput, so a link and a tRPC call can never disagree.
 */
export function reportExportUrl(input: TReportInput, kind: TReportExportKind = "table"): string {
  const params = new URLSearchParams({ range: input.range.preset });
  if (input.range.preset === "custom") {
    params.set("from", input.range.from);
    params.set("to", input.range.to);
  }
  if (input.extensionIds) params.set("extensionIds", input.extensionIds.join(","));
  if (kind !== "table") params.set("kind", kind);
  return `/api/reports/export.csv?${params.toString()}`;
}

/** The unvalidated input a query string names (parse it with ZReportInput). */
export function reportInputFromSearch(params: URLSearchParams): unknown {
  const preset = params.get("range");
  const range = preset === "custom" ? { preset, from: params.get("from"), to: params.get("to") } : { preset };
  const ids = params.get("extensionIds");
  return ids === null ? { range } : { range, extensionIds: ids === "" ? [] : ids.split(",") };
}
