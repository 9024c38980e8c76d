/**
 * The database side of call queues for the worker (stasis/queue-call-store.ts is the
 * interface): QueueWaitingCall rows, one per waiting caller, and the `presence` notice
 * `{ kind: "queue", queueId }` on every join and leave so live pages reload the line.
 * Positions are counted from the rows, so callers waiting through different workers share
 * one line. Round-robin cursors of queues are claimed here the way routing-state-store.ts
 * claims hunt groups': compare-and-set on CallQueue.roundRobinCursor, all or none.
 */
import { claimRoundRobin } from "./routing-state-store";
import type { Db } from "@/server/db";
import type { QueueCallStore } from "../stasis/queue-call-store";
import type { PresenceNotice } from "./notify";

export function createQueueWaitingStore(db: Db, notify: (notice: PresenceNotice) => Promise<void>): QueueCallStore {
  const tell = (tenantId: string, queueId: string) => notify({ tenantId, kind: "queue", queueId });
  return {
    async join(call) {
      // Unique channelId: a replayed join (a retry after a lost answer) keeps the first row.
      await db.queueWaitingCall.upsert({
        where: { channelId: call.channelId },
        create: { tenantId: call.tenantId, queueId: call.queueId, channelId: call.channelId, callerLabel: call.callerLabel, joinedAt: call.joinedAt },
        update: {},
      });
      await tell(call.tenantId, call.queueId);
    },
    async leave(call) {
      const { count } = await db.queueWaitingCall.deleteMany({ where: { tenantId: call.tenantId, queueId: call.queueId, channelId: call.channelId } });
      if (count > 0) await tell(call.tenantId, call.queueId);
    },
    async position(call) {
      const mine = await db.queueWaitingCall.findFirst({ where: { tenantId: call.tenantId, queueId: call.queueId, channelId: call.channelId } });
      if (!mine) return null;
      // Ties on joinedAt (same millisecond) break by id, so two callers never share a place.
      const ahead = await db.queueWaitingCall.count({
        where: {
          tenantId: call.tenantId,
          queueId: call.queueId,
          OR: [{ joinedAt: { lt: mine.joinedAt } }, { joinedAt: mine.joinedAt, id: { lt: mine.id } }],
        },
      });
      return ahead + 1;
    },
    async removeStale(isHandled) {
      const rows = await db.queueWaitingCall.findMany({ select: { id: true, tenantId: true, queueId: true, channelId: true } });
      const stale = rows.filter((row) => !isHandled(row.channelId));
      if (stale.length === 0) return 0;
      await db.queueWaitingCall.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
      const queues = new Map(stale.map((row) => [row.queueId, row.tenantId]));
      for (const [queueId, tenantId] of queues) await tell(tenantId, queueId);
      return stale.length;
    },
  };
}

/** Advances every queue cursor of an attempt (keyed by queue id), all or none; false = taken first. */
export const claimQueueRoundRobin = (db: Db, tenantId: string, claims: readonly { huntGroupId: string; cursor: number }[]) =>
  claimRoundRobin(db, tenantId, claims, "callQueue");

/** The round-robin cursors of a tenant's queues, by queue id, to merge into the routing state. */
export async function loadQueueCursors(db: Db, tenantId: string): Promise<Map<string, number>> {
  const queues = await db.callQueue.findMany({ where: { tenantId }, select: { id: true, roundRobinCursor: true } });
  return new Map(queues.map((q) => [q.id, q.roundRobinCursor]));
}
