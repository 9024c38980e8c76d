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
