/**
 * Extension call state (idle / ringing / in call / on hold) from the worker's view of its calls.
 * Writes for one extension run one at a time, in order, so "ringing" can never land after
 * "idle" of the same call; queues are dropped once drained, so the map holds only extensions
 * with writes in flight.
 */
import type { Logger } from "../log";

type ActiveState = "RINGING" | "IN_CALL" | "ON_HOLD";

export interface CallStateWrites {
  saveCallState(row: { extensionId: string; tenantId: string; state: ActiveState; peer: string | null; since: Date; channelId: string }): Promise<void>;
  saveIdle(row: { extensionId: string; tenantId: string; channelId: string; since: Date }): Promise<void>;
}

export interface CallPresence {
  ringing(tenantId: string, extensionId: string, channelId: string, peer: string | null, since: Date): void;
  inCall(tenantId: string, extensionId: string, channelId: string, peer: string | null, since: Date): void;
  onHold(tenantId: string, extensionId: string, channelId: string, peer: string | null, since: Date): void;
  idle(tenantId: string, extensionId: string, channelId: string, since: Date): void;
  /** Resolves when every queued write has finished (used on shutdown and in tests). */
  flush(): Promise<void>;
}

interface QueuedWrite {
  channelId: string;
  isFullState: boolean;
  run: () => Promise<void>;
  tenantId: string;
}

export function createCallPresence(writes: CallStateWrites, log: Logger): CallPresence {
  /** Per extension: the write in flight and those waiting behind it. */
  const queues = new Map<string, { running: Promise<void>; pending: QueuedWrite[] }>();
  const runNext = (extensionId: string): void => {
    const queue = queues.get(extensionId);
    const next = queue?.pending.shift();
    if (!queue || !next) return void queues.delete(extensionId);
    queue.running = next.run().catch((err: unknown) => {
      log.warn("presence write failed", { tenantId: next.tenantId, channelId: next.channelId, extensionId, err });
    }).then(() => runNext(extensionId));
  };
  const enqueue = (extensionId: string, write: QueuedWrite) => {
    const queue = queues.get(extensionId);
    if (!queue) {
      queues.set(extensionId, { running: Promise.resolve(), pending: [write] });
      return runNext(extensionId);
    }
    // Coalesce: a ringing/in-call write replaces everything still waiting (the row is
    // overwritten anyway); any write replaces waiting ones of the same channel. Under load this
    // turns ringing -> in call -> idle bursts into one or two statements.
    queue.pending = write.isFullState ? [] : queue.pending.filter((w) => w.channelId !== write.channelId);
    queue.pending.push(write);
  };
  const active = (state: ActiveState) => (tenantId: string, extensionId: string, channelId: string, peer: string | null, since: Date) =>
    enqueue(extensionId, { channelId, tenantId, isFullState: true, run: () => writes.saveCallState({ tenantId, extensionId, channelId, peer, since, state }) });
  return {
    ringing: active("RINGING"),
    inCall: active("IN_CALL"),
    onHold: active("ON_HOLD"),
    idle: (tenantId, extensionId, channelId, since) =>
      enqueue(extensionId, { channelId, tenantId, isFullState: false, run: () => writes.saveIdle({ tenantId, extensionId, channelId, since }) }),
    flush: async () => {
      while (queues.size > 0) await Promise.all([...queues.values()].map((q) => q.running));
    },
  };
}
