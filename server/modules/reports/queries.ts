/**
 * Raw SQL for reports. $queryRaw bypasses tenantDb's scoping, so every query here takes the
 * tenantId explicitly and filters by it; keep raw SQL in this file so a reviewer sees all of it.
 *
 * Reports read "CallDailyRollup" (one row per extension, local day and direction, kept by the
 * trigger in prisma/migrations/20261204200006_call_daily_rollup_trigger), never raw CDRs; only
 * the calls export and the recent-calls list read "CallRecord", page by page by keyset.
 */
import { Prisma } from "../../generated/prisma/client";
import type { CallCostVisibility, CallDirection, CallDisposition } from "../../generated/prisma/enums";
import type { RawQueryDb } from "../billing/queries";
import type { CostVisibilityFacts } from "../calls/cost-visibility";
import type { RollupSum } from "./domain";
import type { LocalDays } from "./range";

/**
 * Which rollup keys a query covers: every extension of the company ('' and deleted ones
 * included), or exactly these extension ids. An empty list covers nothing.
 */
export type ExtensionFilter = { all: true } | { all: false; ids: readonly string[] };

const extensionCondition = (filter: ExtensionFilter) =>
  filter.all ? Prisma.empty : Prisma.sql`AND "extensionId" = ANY(${[...filter.ids]}::text[])`;

type RawSum = { extensionId: string; direction: CallDirection; calls: bigint; answered: bigint; missed: bigint; talkSec: bigint; ringSec: bigint; cost: string };

/** Rollup sums over the range's local days, per extension and direction. */
export async function rollupSums(db: RawQueryDb, tenantId: string, days: LocalDays, filter: ExtensionFilter): Promise<RollupSum[]> {
  if (!filter.all && filter.ids.length === 0) return [];
  const rows = await db.$queryRaw<RawSum[]>`
    SELECT "extensionId", "direction"::text AS "direction",
           sum("calls")::bigint AS "calls", sum("answered")::bigint AS "answered", sum("missed")::bigint AS "missed",
           sum("talkSec")::bigint AS "talkSec", sum("ringSec")::bigint AS "ringSec", sum("cost")::text AS "cost"
    FROM "CallDailyRollup"
    WHERE "tenantId" = ${tenantId} AND "day" BETWEEN ${days.from}::date AND ${days.to}::date ${extensionCondition(filter)}
    GROUP BY 1, 2`;
  return rows.map((r) => ({
    extensionId: r.extensionId, direction: r.direction, calls: Number(r.calls), answered: Number(r.answered), missed: Number(r.missed),
    talkSec: Number(r.talkSec), ringSec: Number(r.ringSec), cost: r.cost,
  }));
}

export type DaySum = { day: string; direction: CallDirection; calls: number; answered: number; missed: number };
type RawDaySum = { day: string; direction: CallDirection; calls: bigint; answered: bigint; missed: bigint };

/** Rollup sums per local day and direction (the chart's time axis). */
export async function rollupDays(db: RawQueryDb, tenantId: string, days: LocalDays, filter: ExtensionFilter): Promise<DaySum[]> {
  if (!filter.all && filter.ids.length === 0) return [];
  const rows = await db.$queryRaw<RawDaySum[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "direction"::text AS "direction",
           sum("calls")::bigint AS "calls", sum("answered")::bigint AS "answered", sum("missed")::bigint AS "missed"
    FROM "CallDailyRollup"
    WHERE "tenantId" = ${tenantId} AND "day" BETWEEN ${days.from}::date AND ${days.to}::date ${extensionCondition(filter)}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ day: r.day, direction: r.direction, calls: Number(r.calls), answered: Number(r.answered), missed: Number(r.missed) }));
}

/** How many CDRs the range holds, from the rollup: the calls export's row count, without a scan. */
export async function countCalls(db: RawQueryDb, tenantId: string, days: LocalDays, filter: ExtensionFilter): Promise<number> {
  if (!filter.all && filter.ids.length === 0) return 0;
  const [row] = await db.$queryRaw<{ calls: bigint | null }[]>`
    SELECT sum("calls")::bigint AS "calls" FROM "CallDailyRollup"
    WHERE "tenantId" = ${tenantId} AND "day" BETWEEN ${days.from}::date AND ${days.to}::date ${extensionCondition(filter)}`;
  return Number(row?.calls ?? 0);
}

export type ReportSettings = { timeZone: string; currency: string; costFacts: Omit<CostVisibilityFacts, "role"> };

type RawSettings = {
  timeZone: string; currency: string; tenantPolicy: CallCostVisibility | null; partnerPolicy: CallCostVisibility;
  tenantShowsCosts: boolean; accountShowsCosts: boolean | null;
};

/**
 * The company's zone and currency (its partner's) and the facts canSeeCallCosts needs for
 * `userId`. A person with several extensions sees costs only if every one of their accounts
 * shows them (the stricter reading); with no account, accountShowsCosts is null.
 */
export async function reportSettings(db: RawQueryDb, tenantId: string, userId: string): Promise<ReportSettings> {
  const [row] = await db.$queryRaw<RawSettings[]>`
    SELECT t."timeZone", p."currency", t."callCostVisibility"::text AS "tenantPolicy", p."callCostVisibility"::text AS "partnerPolicy",
           t."showCallCosts" AS "tenantShowsCosts",
           (SELECT bool_and(s."showCallCosts") FROM "Extension" e JOIN "SipAccount" s ON s."id" = e."sipAccountId"
             WHERE e."tenantId" = t."id" AND e."ownerUserId" = ${userId}) AS "accountShowsCosts"
    FROM "Tenant" t JOIN "Partner" p ON p."id" = t."partnerId"
    WHERE t."id" = ${tenantId}`;
  if (!row) throw new Error(`tenant ${tenantId} has no row`);
  return {
    timeZone: row.timeZone,
    currency: row.currency,
    costFacts: { partnerPolicy: row.partnerPolicy, tenantPolicy: row.tenantPolicy, tenantShowsCosts: row.tenantShowsCosts, accountShowsCosts: row.accountShowsCosts },
  };
}

/** One CDR as lists and exports show it. */
export type CallRecordListItem = {
  id: string;
  direction: CallDirection;
  callerNumber: string;
  calledNumber: string;
  extensionId: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  billableSec: number;
  disposition: CallDisposition;
  answeredBy: string | null;
  forwardedVia: string | null;
  /** Decimal string; null when unrated. Callers decide whether the viewer may see it. */
  cost: string | null;
  currency: string | null;
};

/** Where a page ends: the next page starts strictly after (older than) this call. */
export type CallCursor = { startedAt: Date; id: string };

export type ListCallRecordsOptions = {
  /** The last call of the previous page; absent = the newest calls. */
  before?: CallCursor;
  limit: number;
  /** Only calls about these extensions; absent = every call of the company. An empty list = none. */
  extensionIds?: readonly string[];
  /** Only calls that started in [since, until). */
  since?: Date;
  until?: Date;
};

const MAX_PAGE = 5_000;

/**
 * A company's calls, newest first, one page by keyset over ("startedAt" DESC, "id" DESC):
 * each page is an index range scan from the cursor (CallRecord_tenantId_startedAt_id_idx),
 * however deep it is, where OFFSET would read and skip every earlier row. The row comparison
 * `("startedAt", "id") < (…)` is what lets PostgreSQL use the index for the cursor.
 */
export async function listCallRecords(db: RawQueryDb, tenantId: string, options: ListCallRecordsOptions): Promise<CallRecordListItem[]> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_PAGE) throw new RangeError(`limit must be 1..${MAX_PAGE}`);
  if (options.extensionIds && options.extensionIds.length === 0) return [];
  // Instants go in as UTC ISO strings: "startedAt" is a UTC timestamp without zone, and a zone
  // in the text is ignored by ::timestamp, so the comparison never depends on the server's zone.
  const conditions = [Prisma.sql`"tenantId" = ${tenantId}`];
  if (options.before) conditions.push(Prisma.sql`("startedAt", "id") < (${options.before.startedAt.toISOString()}::timestamp(3), ${options.before.id})`);
  if (options.extensionIds) conditions.push(Prisma.sql`"extensionId" = ANY(${[...options.extensionIds]}::text[])`);
  if (options.since) conditions.push(Prisma.sql`"startedAt" >= ${options.since.toISOString()}::timestamp(3)`);
  if (options.until) conditions.push(Prisma.sql`"startedAt" < ${options.until.toISOString()}::timestamp(3)`);
  return db.$queryRaw<CallRecordListItem[]>`
    SELECT "id", "direction"::text AS "direction", "callerNumber", "calledNumber", "extensionId", "startedAt", "answeredAt", "endedAt",
           "billableSec", "disposition"::text AS "disposition", "answeredBy", "forwardedVia", "cost"::text AS "cost", "currency"
    FROM "CallRecord"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "startedAt" DESC, "id" DESC
    LIMIT ${options.limit}`;
}
