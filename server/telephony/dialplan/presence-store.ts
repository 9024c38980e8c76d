/**
 * Presence rows written by the worker, each followed by NOTIFY presence so the web app can
 * stream the change to open pages. Rows are the truth; a lost NOTIFY only delays a page.
 */
import type { Db } from "@/server/db";
import type { CallState, RegistrationState } from "@/server/generated/prisma/enums";
import { notifyPresence, type PresenceNotice } from "./notify";

/** Sends the presence NOTIFY; defaults to a Prisma query, the worker passes a cheaper one. */
export type PresenceNotifier = (notice: PresenceNotice) => Promise<void>;
const viaPrisma = (db: Db): PresenceNotifier => (notice) => notifyPresence(db, notice);

export async function saveRegistration(
  db: Db,
  row: { sipAccountId: string; tenantId: string; state: RegistrationState; userAgent?: string | null; address?: string | null },
  notify: PresenceNotifier = viaPrisma(db),
): Promise<void> {
  const known = { ...(row.userAgent !== undefined ? { userAgent: row.userAgent } : {}), ...(row.address !== undefined ? { address: row.address } : {}) };
  await db.registration.upsert({
    where: { sipAccountId: row.sipAccountId },
    create: { sipAccountId: row.sipAccountId, tenantId: row.tenantId, state: row.state, ...known },
    update: { state: row.state, ...known },
  });
  await notify({ tenantId: row.tenantId, kind: "registration", sipAccountId: row.sipAccountId });
}

/** Ringing or in a call on `channelId`. */
export async function saveCallState(
  db: Db,
  row: { extensionId: string; tenantId: string; state: Exclude<CallState, "IDLE">; peer: string | null; since: Date; channelId: string },
  notify: PresenceNotifier = viaPrisma(db),
): Promise<void> {
  await db.extensionCallState.upsert({ where: { extensionId: row.extensionId }, create: row, update: row });
  await notify({ tenantId: row.tenantId, kind: "call", extensionId: row.extensionId });
}

/**
 * Back to idle, but only if the row still describes `channelId`: with call waiting a newer
 * call may already own the row, and its end must not be overwritten by the older call's.
 */
export async function saveIdle(
  db: Db,
  row: { extensionId: string; tenantId: string; channelId: string; since: Date },
  notify: PresenceNotifier = viaPrisma(db),
): Promise<void> {
  const { count } = await db.extensionCallState.updateMany({
    where: { extensionId: row.extensionId, channelId: row.channelId },
    data: { state: "IDLE", peer: null, since: row.since, channelId: null },
  });
  if (count > 0) await notify({ tenantId: row.tenantId, kind: "call", extensionId: row.extensionId });
}
