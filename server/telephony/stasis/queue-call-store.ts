/**
 * Callers waiting in call queues, as the queue executor records them. The database side
 * (QueueWaitingCall rows and the `presence` notices live pages listen to) is
 * dialplan/queue-waiting-store.ts; the executor only sees this interface, so tests can watch it.
 */

export interface WaitingCall {
  tenantId: string;
  queueId: string;
  /** The caller's channel id: one row per caller, however often a join is replayed. */
  channelId: string;
  callerLabel: string;
  joinedAt: Date;
}

export interface QueueCallStore {
  /** Records the caller as waiting and tells live pages; idempotent by channel id. */
  join(call: WaitingCall): Promise<void>;
  /** Removes the caller (answered, timed out, hung up) and tells live pages; a missing row is fine. */
  leave(call: Pick<WaitingCall, "tenantId" | "queueId" | "channelId">): Promise<void>;
  /**
   * The caller's place in line, 1 = next: callers of the same queue who joined earlier, on any
   * worker, plus one. null when the caller is not waiting (any more).
   */
  position(call: Pick<WaitingCall, "tenantId" | "queueId" | "channelId">): Promise<number | null>;
  /** Start-up after a crash: removes rows of channels `isHandled` does not know; returns how many. */
  removeStale(isHandled: (channelId: string) => boolean): Promise<number>;
}
