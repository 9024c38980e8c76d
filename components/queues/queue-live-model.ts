/**
 * Queues as the live pages show them, as pure functions over `callQueues.live` rows: how one
 * SSE "queue" event changes the list. Kept free of React so it is unit-tested.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type QueueLiveRow = inferRouterOutputs<AppRouter>["callQueues"]["live"][number];

/** One `event: presence` frame of kind "queue", as JSON (dates arrive as strings). */
export type QueueEventPayload = {
  kind: "queue";
  queueId: string;
  queue: (Omit<QueueLiveRow, "longestWaitingSince"> & { longestWaitingSince: string | null }) | null;
};

/**
 * The list after one event: the queue replaced, or dropped when it was deleted. Returns null
 * when the event names a queue not on the list (a new one), so the caller refetches instead of
 * guessing where it belongs.
 */
export function applyQueueEvent(rows: readonly QueueLiveRow[], event: QueueEventPayload): QueueLiveRow[] | null {
  const index = rows.findIndex((r) => r.id === event.queueId);
  if (event.queue === null) return index < 0 ? [...rows] : rows.filter((r) => r.id !== event.queueId);
  if (index < 0) return null;
  const next = rows.slice();
  next[index] = { ...event.queue, longestWaitingSince: event.queue.longestWaitingSince ? new Date(event.queue.longestWaitingSince) : null };
  return next;
}

/** What a screen reader hears when a queue changes: "Queue 700 Support: 2 callers waiting, 1 of 3 logged in". */
export function describeQueue(row: QueueLiveRow): string {
  const waiting = row.waitingCount === 0 ? "nobody waiting" : `${row.waitingCount} ${row.waitingCount === 1 ? "caller" : "callers"} waiting`;
  return `Queue ${row.number} ${row.name}: ${waiting}, ${row.loggedInCount} of ${row.members.length} logged in`;
}
