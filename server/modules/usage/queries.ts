/**
 * Raw SQL for usage. $queryRaw bypasses tenantDb's scoping, so every query here takes the
 * tenantId explicitly and filters by it; keep raw SQL in this file so a reviewer sees all of it.
 */
import type { RawQueryDb } from "../billing/queries";
import type { DailyUsageRow } from "./domain";

type RawRow = { day: string; currency: string | null; calls: bigint; billableSec: bigint; cost: string | null };

/**
 * Calls, billable seconds and charges per calendar day in `timeZone` and per currency, for
 * `firstDate` to `lastDate` inclusive (YYYY-MM-DD). Summed in the database: a busy customer
 * makes thousands of calls a day, too many rows to fetch for a chart.
 */
export async function dailyUsage(db: RawQueryDb, tenantId: string, timeZone: string, firstDate: string, lastDate: string): Promise<DailyUsageRow[]> {
  // "startedAt" is a UTC timestamp without zone: first read as UTC, then shown in the
  // customer's zone. The bounds go the other way (local midnight to UTC) so the
  // (tenantId, startedAt) index still serves the range.
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT to_char(("startedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS "day",
           "currency",
           count(*) AS "calls",
           coalesce(sum("billableSec"), 0) AS "billableSec",
           sum("cost")::text AS "cost"
    FROM "CallRecord"
    WHERE "tenantId" = ${tenantId}
      AND "startedAt" >= (${firstDate}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      AND "startedAt" < ((${lastDate}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((r) => ({ day: r.day, currency: r.currency, calls: Number(r.calls), billableSec: Number(r.billableSec), cost: r.cost }));
}
