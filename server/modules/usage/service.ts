/**
 * A customer's call usage: the last USAGE_DAYS days in its own time zone, per day and in
 * total, and its latest call records. Read through the tenant scope (the raw daily sums
 * take the scope's tenantId explicitly), so it serves the back office as well as the portal.
 */
import type { TenantScope } from "../../tenancy";
import { dayRange, foldDays, localDate, RECENT_CALLS, totalOf, USAGE_DAYS } from "./domain";
import { dailyUsage } from "./queries";

const recentCallSelect = {
  id: true, direction: true, callerNumber: true, calledNumber: true, startedAt: true,
  billableSec: true, disposition: true, cost: true, currency: true,
} as const;

/** `now` is the clock, passed in so a test can fix "today". */
export async function getUsage({ tenantId, db }: TenantScope, now = new Date()) {
  const { timeZone } = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const dates = dayRange(localDate(now, timeZone), USAGE_DAYS);
  const [rows, recent] = await Promise.all([
    dailyUsage(db, tenantId, timeZone, dates[0]!, dates[dates.length - 1]!),
    db.callRecord.findMany({ select: recentCallSelect, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: RECENT_CALLS }),
  ]);
  const days = foldDays(dates, rows);
  return {
    timeZone,
    days,
    total: totalOf(days),
    recentCalls: recent.map((call) => ({ ...call, cost: call.cost?.toString() ?? null })),
  };
}
