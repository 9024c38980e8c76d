/**
 * Callback progress on the /api/events stream (issue 14). The worker NOTIFYs
 * CALLBACK_CHANGED {tenantId, requestId, state} on every state change; the presence hub's one
 * LISTEN connection hears it too and hands it to the tenant's streams, and each stream sends a
 * `callback` frame only to a viewer who may read that request (admins: the company's;
 * everyone else: their own). The frame carries the id and the state as read from the row, so
 * a forged or stale notice tells nobody anything; the page refetches `callbacks.status`.
 */
import { z } from "zod";
import { CALLBACK_STATES } from "../modules/callbacks/contract";
import type { TenantDb } from "../tenancy";

export const ZCallbackNotice = z.object({
  tenantId: z.string().min(1).max(40),
  requestId: z.string().min(1).max(40),
  state: z.enum(CALLBACK_STATES),
});
export type CallbackSignal = z.infer<typeof ZCallbackNotice> & { kind: "callback" };

/** Who watches the stream, for callback frames; absent means none are sent. */
export type CallbackViewerFilter = { userId: string; isAdmin: boolean };

export type CallbackEvent = { requestId: string; state: CallbackSignal["state"] };

/** The frame's payload for this viewer, or null when the request is not theirs to read (or gone). */
export async function readCallbackEvent(db: TenantDb, viewer: CallbackViewerFilter, signal: CallbackSignal): Promise<CallbackEvent | null> {
  const row = await db.callbackRequest.findUnique({ where: { id: signal.requestId }, select: { id: true, state: true, requestedByUserId: true } });
  if (!row) return null;
  if (!viewer.isAdmin && row.requestedByUserId !== viewer.userId) return null;
  return { requestId: row.id, state: row.state };
}
