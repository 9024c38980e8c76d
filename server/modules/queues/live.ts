/**
 * A queue as Live status and the wallboard show it: callers waiting now and since when the
 * longest has waited (QueueWaitingCall rows, written by the worker), and who is logged in.
 * Read through the tenant scope, so a notice naming another company's queue reads as nothing.
 * Shared by `callQueues.live` and the presence stream's "queue" events, so both have one shape.
 */
import type { TenantDb } from "../../tenancy";

type Reader = Pick<TenantDb, "callQueue">;

const liveSelect = {
  id: true,
  number: true,
  name: true,
  waiting: { orderBy: { joinedAt: "asc" }, select: { joinedAt: true } },
  members: { orderBy: { position: "asc" }, select: { extensionId: true, isLoggedIn: true, extension: { select: { number: true, displayName: true, ownerUserId: true } } } },
} as const;

type LiveRow = {
  id: string;
  number: string;
  name: string;
  waiting: { joinedAt: Date }[];
  members: { extensionId: string; isLoggedIn: boolean; extension: { number: string; displayName: string; ownerUserId: string | null } }[];
};

function toLive(row: LiveRow, memberFilter: (ownerUserId: string | null) => boolean) {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    waitingCount: row.waiting.length,
    /** When the caller waiting longest joined; null when nobody waits. */
    longestWaitingSince: row.waiting[0]?.joinedAt ?? null,
    loggedInCount: row.members.filter((m) => m.isLoggedIn).length,
    members: row.members
      .filter((m) => memberFilter(m.extension.ownerUserId))
      .map((m) => ({ extensionId: m.extensionId, number: m.extension.number, displayName: m.extension.displayName, isLoggedIn: m.isLoggedIn })),
  };
}
export type QueueLive = ReturnType<typeof toLive>;

/**
 * Customer admins: every queue with every member. Extension users: the queues they answer,
 * with only their own memberships (what they may log in or out).
 */
export async function findQueueLive(db: Reader, viewer: { id: string; role: string }): Promise<QueueLive[]> {
  const isAdmin = viewer.role === "CUSTOMER_ADMIN";
  const rows = await db.callQueue.findMany({
    where: isAdmin ? {} : { members: { some: { extension: { ownerUserId: viewer.id } } } },
    orderBy: { number: "asc" },
    select: liveSelect,
  });
  return rows.map((row) => toLive(row, (owner) => isAdmin || owner === viewer.id));
}

/** One queue as an administrator sees it, or null when it is not the company's (or is gone). */
export async function readQueueLive(db: Reader, queueId: string): Promise<QueueLive | null> {
  const row = await db.callQueue.findUnique({ where: { id: queueId }, select: liveSelect });
  return row ? toLive(row, () => true) : null;
}
