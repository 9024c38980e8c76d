/**
 * The call reports: the table and the chart over a range of the company's local days, read
 * from the daily rollup only (queries.ts), so a year costs about what a day does. Costs only
 * when canSeeCallCosts says the viewer may see them. `now` is the clock, passed in for tests.
 */
import type { TenantScope } from "../../tenancy";
import { canSeeCallCosts } from "../calls/cost-visibility";
import { foldReport } from "./domain";
import { reportSettings, rollupDays, rollupSums } from "./queries";
import { eachDay, resolveRange } from "./range";
import type { ReportChart, ReportTable, TReportInput } from "./schema";
import { resolveReportScope, type ReportViewer } from "./scope";

/** The range, the viewer's scope and whether they see costs: what every report starts from. */
export async function prepareReport(scope: TenantScope, viewer: ReportViewer, input: TReportInput, now: Date) {
  const settings = await reportSettings(scope.db, scope.tenantId, viewer.id);
  const days = resolveRange(input.range, now, settings.timeZone);
  const reach = await resolveReportScope(scope, viewer, input.extensionIds);
  const showsCosts = canSeeCallCosts({ role: viewer.role, ...settings.costFacts });
  return { settings, days, reach, showsCosts };
}

export async function getReportTable(scope: TenantScope, viewer: ReportViewer, input: TReportInput, now = new Date()): Promise<ReportTable> {
  const { settings, days, reach, showsCosts } = await prepareReport(scope, viewer, input, now);
  const sums = await rollupSums(scope.db, scope.tenantId, days, reach.filter);
  const folded = foldReport(sums, { extensions: reach.extensions, includeOthers: reach.includeOthers, showsCosts });
  return { ...days, timeZone: settings.timeZone, currency: settings.currency, showsCosts, ...folded };
}

export async function getReportChart(scope: TenantScope, viewer: ReportViewer, input: TReportInput, now = new Date()): Promise<ReportChart> {
  const { settings, days, reach } = await prepareReport(scope, viewer, input, now);
  const [sums, perDay] = await Promise.all([
    rollupSums(scope.db, scope.tenantId, days, reach.filter),
    rollupDays(scope.db, scope.tenantId, days, reach.filter),
  ]);
  // The chart has no money in it, so costs are left out whoever asks.
  const folded = foldReport(sums, { extensions: reach.extensions, includeOthers: reach.includeOthers, showsCosts: false });
  const byDay = new Map(eachDay(days).map((day) => [day, { day, calls: 0, answered: 0, missed: 0 }]));
  for (const sum of perDay) {
    const day = byDay.get(sum.day);
    if (!day) continue;
    day.calls += sum.calls;
    day.answered += sum.answered;
    // As the table counts it: an outbound call nobody picked up is not a missed call.
    if (sum.direction !== "OUTBOUND") day.missed += sum.missed;
  }
  const inScope = new Set(reach.extensions.map((e) => e.id));
  return {
    ...days,
    timeZone: settings.timeZone,
    extensions: folded.rows.flatMap((row) => {
      const { extensionId } = row;
      if (extensionId === null || !inScope.has(extensionId)) return [];
      return [{ extensionId, label: row.label, calls: row.callsIn + row.callsOut, answered: row.answered, missed: row.missed, talkSec: row.talkSec }];
    }),
    company: { calls: folded.total.callsIn + folded.total.callsOut, answered: folded.total.answered, missed: folded.total.missed },
    days: [...byDay.values()],
  };
}
