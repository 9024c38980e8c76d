/**
 * Recent calls: the current working day (from local midnight in the company's zone), newest
 * first, keyset pages over (startedAt desc, id desc) on the CDR index of that name. Admins see
 * the company's calls (or one extension's), extension users their own extensions' calls.
 * Rate and cost are in a row only for viewers cost-visibility.ts lets see them: absent from
 * the response, not blanked, so nothing reaches a browser it should not.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { TenantScope } from "../../tenancy";
import { startOfDayIn } from "../home/day-start";
import { visibleRecordingsWhere } from "../recordings/access";
import { callStatusOf } from "./call-status";
import { ratesByPrefix } from "./call-rates";
import { partyNames, type PartyNames } from "./party-names";
import { RECENT_CALLS_PAGE_SIZE, type CallStatus, type TRecentCallsInput } from "./schema";
import { callsOfExtensions, reachedExtensions, viewerSeesCosts, type CallViewer } from "./viewer";

const cdrSelect = {
  id: true, direction: true, callerNumber: true, calledNumber: true, extensionId: true, startedAt: true, answeredAt: true,
  endedAt: true, billableSec: true, disposition: true, answeredBy: true, cost: true, currency: true, ratePrefix: true,
  recordingRef: true,
} as const;
type Cdr = Prisma.CallRecordGetPayload<{ select: typeof cdrSelect }>;

export type CallParty = { number: string; extension: { number: string; displayName: string } | null; contactName: string | null };
export type RecentCall = {
  id: string;
  direction: Cdr["direction"];
  startedAt: Date;
  caller: CallParty;
  called: CallParty;
  /** Who took the call, as people read it ("Bob Baker (202)"); null when nobody did. */
  answeredBy: string | null;
  status: CallStatus;
  /** Seconds talked; 0 for unanswered calls. */
  durationSec: number;
  /** Seconds from the start until answered (or until it ended unanswered). */
  ringSec: number;
  /** Only for viewers who may see costs. */
  cost?: { amount: string | null; currency: string | null; ratePerMinute: string | null };
  /** The call's recording, only when this viewer may hear it (recordings/access.ts). */
  recordingId?: string;
};

function cursorWhere(cursor: string | undefined): Prisma.CallRecordWhereInput {
  if (!cursor) return {};
  const dot = cursor.indexOf(".");
  const at = new Date(Number(cursor.slice(0, dot)));
  const id = cursor.slice(dot + 1);
  return { OR: [{ startedAt: { lt: at } }, { startedAt: at, id: { lt: id } }] };
}

const party = (number: string, names: PartyNames): CallParty => ({
  number,
  extension: names.extensionByNumber.get(number) ?? null,
  contactName: names.contactByNumber.get(number) ?? null,
});

export async function findRecentCalls(scope: TenantScope, viewer: CallViewer, input: TRecentCallsInput, now = new Date()) {
  const { db, tenantId } = scope;
  const { timeZone } = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const dayStart = startOfDayIn(timeZone, now);
  const [reach, seesCosts] = await Promise.all([reachedExtensions(db, viewer, input.extensionId), viewerSeesCosts(scope, viewer)]);
  if (reach !== null && reach.length === 0) return { items: [] as RecentCall[], nextCursor: null, dayStart, seesCosts };
  const where: Prisma.CallRecordWhereInput = {
    AND: [{ startedAt: { gte: dayStart } }, reach === null ? {} : callsOfExtensions(reach), cursorWhere(input.cursor)],
  };
  const rows = await db.callRecord.findMany({ where, select: cdrSelect, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: RECENT_CALLS_PAGE_SIZE + 1 });
  const page = rows.slice(0, RECENT_CALLS_PAGE_SIZE);
  const [names, rates, recordings] = await Promise.all([
    partyNames(db, viewer.id, page.flatMap((r) => [r.callerNumber, r.calledNumber])),
    seesCosts ? ratesByPrefix(scope, page.flatMap((r) => (r.ratePrefix ? [r.ratePrefix] : []))) : new Map<string, string>(),
    audibleRecordings(scope, viewer, page.flatMap((r) => (r.recordingRef ? [r.recordingRef] : []))),
  ]);
  const items = page.map((r): RecentCall => ({
    id: r.id,
    direction: r.direction,
    startedAt: r.startedAt,
    caller: party(r.callerNumber, names),
    called: party(r.calledNumber, names),
    answeredBy: r.answeredBy,
    status: callStatusOf(r.disposition),
    durationSec: r.billableSec,
    ringSec: Math.max(0, Math.round(((r.answeredAt ?? r.endedAt).getTime() - r.startedAt.getTime()) / 1000)),
    ...(seesCosts ? { cost: { amount: r.cost?.toString() ?? null, currency: r.currency, ratePerMinute: r.ratePrefix ? (rates.get(r.ratePrefix) ?? null) : null } } : {}),
    ...(r.recordingRef && recordings.has(r.recordingRef) ? { recordingId: r.recordingRef } : {}),
  }));
  const last = page.at(-1);
  /** `seesCosts`: whether rows carry `cost` at all, so the page knows to show those columns. */
  return { items, nextCursor: rows.length > RECENT_CALLS_PAGE_SIZE && last ? `${last.startedAt.getTime()}.${last.id}` : null, dayStart, seesCosts };
}

/** Of the recordings these calls link to, the ones the viewer may hear: the same rule as the recordings page. */
async function audibleRecordings({ db }: TenantScope, viewer: CallViewer, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const visible = await visibleRecordingsWhere(db, viewer);
  const rows = await db.recording.findMany({ where: { AND: [{ id: { in: ids } }, visible] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Extensions an admin may filter by (all), or an extension user's own. */
export async function findCallExtensions({ db }: TenantScope, viewer: CallViewer) {
  const where = viewer.role === "CUSTOMER_ADMIN" ? {} : { ownerUserId: viewer.id };
  return db.extension.findMany({ where, select: { id: true, number: true, displayName: true }, orderBy: { number: "asc" } });
}
