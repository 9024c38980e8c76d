import type { TReportInput } from "@/server/modules/reports/schema";

/** The wallboard always shows today, for everything the viewer may see. */
export const TODAY: TReportInput = { range: { preset: "today" } };

/**
 * How often the wallboard asks for the report again. The rollup changes with every call that
 * ends, but a board across a room needs no more than this; presence is live through SSE.
 */
export const REPORT_REFRESH_MS = 20_000;
