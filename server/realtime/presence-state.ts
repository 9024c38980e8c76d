/**
 * Presence as the browser sees it, read through the tenant scope so a notification naming
 * another tenant's row (forged or mistaken) reads as nothing. Shared by the SSE stream and
 * `presence.find`, so the initial render and the live updates have one shape.
 */
import { readQueueLive } from "../modules/queues/live";
import type { TenantDb } from "../tenancy";
import type { PresenceNotification } from "./presence-hub";

export const registrationSelect = { sipAccountId: true, state: true, userAgent: true, address: true, updatedAt: true } as const;
export const callStateSelect = { extensionId: true, state: true, peer: true, since: true, updatedAt: true } as const;

/** Which rows a viewer may hear about; null means the whole tenant (customer admins). */
export type PresenceFilter = { extensionIds: ReadonlySet<string>; sipAccountIds: ReadonlySet<string> } | null;

export type PresenceEvent =
  | { kind: "registration"; sipAccountId: string; registration: Awaited<ReturnType<typeof readRegistration>> }
  | { kind: "call"; extensionId: string; call: Awaited<ReturnType<typeof readCallState>> }
  | { kind: "dnd"; extensionId: string; doNotDisturb: boolean }
  /** Callers waiting and members logged in; null when the queue was deleted. */
  | { kind: "queue"; queueId: string; queue: Awaited<ReturnType<typeof readQueueLive>> }
  /** Calls were recorded: recent-calls pages refetch (which calls, the viewer's own query says). */
  | { kind: "callEnded" };

const readRegistration = (db: TenantDb, sipAccountId: string) =>
  db.registration.findUnique({ where: { sipAccountId }, select: registrationSelect });
const readCallState = (db: TenantDb, extensionId: string) =>
  db.extensionCallState.findUnique({ where: { extensionId }, select: callStateSelect });

export function isVisible(filter: PresenceFilter, n: PresenceNotification): boolean {
  if (!filter) return true;
  // Whole queues are the administrators' view; extension users' own memberships refresh on their own changes.
  if (n.kind === "queue") return false;
  if (n.kind === "registration") return !!n.sipAccountId && filter.sipAccountIds.has(n.sipAccountId);
  if (n.kind === "callEnded") return (n.extensionIds ?? []).some((id) => filter.extensionIds.has(id));
  return !!n.extensionId && filter.extensionIds.has(n.extensionId);
}

/**
 * The fresh state row a notification points at, or null when the notification names nothing
 * readable. A deleted row is sent as `registration: null` / `call: null` (cleared lamp).
 */
export async function readPresenceEvent(db: TenantDb, n: PresenceNotification): Promise<PresenceEvent | null> {
  if (n.kind === "registration" && n.sipAccountId) {
    return { kind: "registration", sipAccountId: n.sipAccountId, registration: await readRegistration(db, n.sipAccountId) };
  }
  if (n.kind === "call" && n.extensionId) {
    return { kind: "call", extensionId: n.extensionId, call: await readCallState(db, n.extensionId) };
  }
  if (n.kind === "dnd" && n.extensionId) {
    const extension = await db.extension.findUnique({ where: { id: n.extensionId }, select: { doNotDisturb: true } });
    return extension ? { kind: "dnd", extensionId: n.extensionId, doNotDisturb: extension.doNotDisturb } : null;
  }
  // No read, and no ids in the frame: an extension user must not learn colleagues' extension ids.
  if (n.kind === "callEnded") return { kind: "callEnded" };
  if (n.kind === "queue" && n.queueId) return { kind: "queue", queueId: n.queueId, queue: await readQueueLive(db, n.queueId) };
  return null;
}

/** An extension user's own extensions (normally one) and their SIP accounts. */
export async function ownPresenceFilter(db: TenantDb, userId: string): Promise<NonNullable<PresenceFilter>> {
  const own = await db.extension.findMany({ where: { ownerUserId: userId }, select: { id: true, sipAccountId: true } });
  return {
    extensionIds: new Set(own.map((e) => e.id)),
    sipAccountIds: new Set(own.flatMap((e) => (e.sipAccountId ? [e.sipAccountId] : []))),
  };
}

/** Everything the viewer may see of presence: customer admins the tenant, others their own. */
export function presenceFilterFor(db: TenantDb, user: { id: string; role: string }): Promise<PresenceFilter> {
  return user.role === "CUSTOMER_ADMIN" ? Promise.resolve(null) : ownPresenceFilter(db, user.id);
}
