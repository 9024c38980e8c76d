/**
 * The worker's reads and writes of CallbackRequest rows. Every change is one statement
 * guarded by the state it expects, so a request only moves forward (QUEUED -> CALLING_FIRST
 * -> CALLING_SECOND -> CONNECTED -> COMPLETED, or FAILED from any open state) however events
 * and workers race; each committed change is then announced on CALLBACK_CHANGED.
 */
import { Prisma, type CallbackRequest } from "@/server/generated/prisma/client";
import {
  CALLBACK_CHANGED, type CallbackFailureReason, type CallbackNotice, type CallbackStateName,
} from "@/server/modules/callbacks/contract";
import type { WorkerDb } from "../dialplan/sip-account-queries";

/** A request still queued this long after `notBefore` is not placed: a callback that late surprises people. */
export const EXPIRE_AFTER_MINUTES = 10;
const OPEN_STATES: CallbackStateName[] = ["CALLING_FIRST", "CALLING_SECOND", "CONNECTED"];

export type CallbackNotify = (notice: CallbackNotice) => Promise<void>;

export function createCallbackStore(db: WorkerDb, notify: CallbackNotify) {
  const announce = (rows: { id: string; tenantId: string }[], state: CallbackStateName) =>
    Promise.all(rows.map((r) => notify({ tenantId: r.tenantId, requestId: r.id, state })));

  return {
    /**
     * Claims up to `limit` due requests for `workerId` in one statement. FOR UPDATE SKIP LOCKED
     * lets concurrent workers each take different rows; the update's own state check makes a
     * row that another statement moved on in between impossible to take twice.
     */
    async claim(workerId: string, limit: number): Promise<CallbackRequest[]> {
      if (limit <= 0) return [];
      // The pick is a MATERIALIZED CTE, not `WHERE id IN (subquery)`: PostgreSQL may run an IN
      // subquery more than once per statement (a nested-loop semi-join re-scans it), and each
      // run picks another LIMIT rows, so one claim took 100 rows at LIMIT 50 before this.
      const claimed = await db.$queryRaw<{ id: string }[]>`
        WITH picked AS MATERIALIZED (
          SELECT "id" FROM "CallbackRequest"
          WHERE "state" = 'QUEUED' AND "notBefore" <= now()
            AND "notBefore" > now() - make_interval(mins => ${EXPIRE_AFTER_MINUTES})
          ORDER BY "createdAt"
          FOR UPDATE SKIP LOCKED
          LIMIT ${limit}
        )
        UPDATE "CallbackRequest" AS r SET "state" = 'CALLING_FIRST', "claimedBy" = ${workerId}, "claimedAt" = now(), "updatedAt" = now()
        FROM picked WHERE r."id" = picked."id" AND r."state" = 'QUEUED'
        RETURNING r."id"`;
      if (claimed.length === 0) return [];
      const rows = await db.callbackRequest.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: { createdAt: "asc" } });
      await announce(rows, "CALLING_FIRST");
      return rows;
    },

    /** Requests nobody placed in time become FAILED/EXPIRED (never placed late). */
    async expireStale(): Promise<number> {
      const expired = await db.$queryRaw<{ id: string; tenantId: string }[]>`
        UPDATE "CallbackRequest" SET "state" = 'FAILED', "failureReason" = 'EXPIRED',
          "failureDetail" = 'Nothing could place the call in time, so it was not placed late.', "endedAt" = now(), "updatedAt" = now()
        WHERE "state" = 'QUEUED' AND "notBefore" <= now() - make_interval(mins => ${EXPIRE_AFTER_MINUTES})
        RETURNING "id", "tenantId"`;
      await announce(expired, "FAILED");
      return expired.length;
    },

    /** Moves one request from `from` to `to`; false when it was not in `from` (a race lost or a replay). */
    async advance(row: { id: string; tenantId: string }, from: CallbackStateName, to: CallbackStateName, data: Prisma.CallbackRequestUpdateManyMutationInput = {}): Promise<boolean> {
      const { count } = await db.callbackRequest.updateMany({ where: { id: row.id, tenantId: row.tenantId, state: from }, data: { ...data, state: to } });
      if (count === 1) await announce([row], to);
      return count === 1;
    },

    /** Ends a request that never connected, from whichever open state it is in. */
    async fail(row: { id: string; tenantId: string }, reason: CallbackFailureReason, detail: string, at: Date): Promise<boolean> {
      const { count } = await db.callbackRequest.updateMany({
        where: { id: row.id, tenantId: row.tenantId, state: { in: ["CALLING_FIRST", "CALLING_SECOND"] } },
        data: { state: "FAILED", failureReason: reason, failureDetail: detail, endedAt: at },
      });
      if (count === 1) await announce([row], "FAILED");
      return count === 1;
    },

    /**
     * Requests an earlier process of this node claimed and never finished: open and claimed by
     * `node:` but not by `workerId`.
     */
    findLeftBy: (nodeId: string, workerId: string) =>
      db.callbackRequest.findMany({
        where: { state: { in: OPEN_STATES }, claimedBy: { startsWith: `${nodeId}:`, not: workerId } },
        select: { id: true, tenantId: true, state: true, firstChannelId: true, secondChannelId: true },
      }),

    /** What the first leg's ring needs: the SIP account's endpoint and extension. */
    findAccount: (tenantId: string, sipAccountId: string) =>
      db.sipAccount.findFirst({
        where: { id: sipAccountId, tenantId },
        select: { username: true, extension: { select: { id: true, number: true, displayName: true } } },
      }),

    /** An extension of the company by number, with its SIP account (the admin's test call rings it). */
    findExtensionByNumber: (tenantId: string, number: string) =>
      db.extension.findFirst({
        where: { tenantId, number },
        select: { id: true, number: true, displayName: true, sipAccountId: true, sipAccount: { select: { username: true } } },
      }),

    findExtensionAccount: (tenantId: string, extensionId: string) =>
      db.extension.findFirst({ where: { tenantId, id: extensionId }, select: { sipAccountId: true } }),

    /** The company's lowest assigned DID: what a visitor sees calling (companyDefaultCli's rule). */
    findFirstDid: (tenantId: string) =>
      db.did.findFirst({ where: { tenantId, state: "ASSIGNED" }, orderBy: { number: "asc" }, select: { id: true, number: true } }),
  };
}

export type CallbackStore = ReturnType<typeof createCallbackStore>;

/** NOTIFY CALLBACK_CHANGED through the database (used when the LISTEN connection cannot send). */
export const notifyCallbackChanged = (db: WorkerDb, notice: CallbackNotice) =>
  db.$executeRaw`SELECT pg_notify(${CALLBACK_CHANGED}, ${JSON.stringify(notice)})`.then(() => undefined);
