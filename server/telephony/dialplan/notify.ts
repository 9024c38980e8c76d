/**
 * PostgreSQL NOTIFY channels between the web app and the worker (DESIGN.md section 2: the two
 * processes share nothing but the database). Payloads stay far below NOTIFY's 8000-byte limit.
 */
import type { Db } from "@/server/db";

/** Payload: a tenant id. The worker drops that tenant's cached routing snapshot. */
export const DIALPLAN_CHANGED = "dialplan_changed";
/** Payload: a SipAccount id, or a tenant id (re-push all its accounts). Deleted ids are removed from Asterisk. */
export const SIP_ACCOUNTS_CHANGED = "sip_accounts_changed";
/** Payload: JSON {@link PresenceNotice}; the web app streams these to browsers over SSE. */
export const PRESENCE = "presence";

export type PresenceNotice =
  | { tenantId: string; kind: "registration"; sipAccountId: string }
  | { tenantId: string; kind: "call"; extensionId: string }
  /** The portal changed an extension's do-not-disturb; the web app streams it like a call change. */
  | { tenantId: string; kind: "dnd"; extensionId: string }
  /** A caller joined or left a call queue (QueueWaitingCall), or a member logged in or out. */
  | { tenantId: string; kind: "queue"; queueId: string }
  /** CDRs were written (call-record-store.ts): recent-calls pages of these extensions (and admins) refetch. */
  | { tenantId: string; kind: "callEnded"; extensionIds: string[] };

/** Anything with `$executeRaw`: the raw client or a transaction client. */
export type NotifyDb = Pick<Db, "$executeRaw">;

async function notify(db: NotifyDb, channel: string, payload: string): Promise<void> {
  // pg_notify() takes the channel as a value, so it can be bound instead of interpolated.
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

/** Call after committing any change to a tenant's extensions, DIDs, block list, time zone or tariff. */
export const notifyDialPlanChanged = (db: NotifyDb, tenantId: string) => notify(db, DIALPLAN_CHANGED, tenantId);

/**
 * Call after creating, changing or deleting a SipAccount (id) or after bulk changes (tenant id).
 * The worker pushes the account to Asterisk, or deletes its PJSIP objects when it is gone.
 */
export const notifySipAccountsChanged = (db: NotifyDb, sipAccountOrTenantId: string) =>
  notify(db, SIP_ACCOUNTS_CHANGED, sipAccountOrTenantId);

export const notifyPresence = (db: NotifyDb, notice: PresenceNotice) => notify(db, PRESENCE, JSON.stringify(notice));
