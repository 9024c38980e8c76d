/**
 * One attempt of a call queue (issue 12): which members to ring now. The worker asks on every
 * attempt, with the moment's state, so a member who logs in, hangs up or turns on DND counts
 * at the next attempt. Members are taken in the queue's strategy order (hunt-order.ts, the
 * same as hunt groups), then those who cannot take the call now are skipped: logged out, no
 * phone, do-not-disturb, on a call (queues never use call waiting), or the caller themself.
 *
 * Round robin: the cursor is `state.roundRobinCursors` under the QUEUE's id, and the claim the
 * worker makes comes back in `roundRobin` as `{ huntGroupId: <queue id>, cursor }` (the field
 * keeps the name CallPlan.roundRobin uses); the worker advances CallQueue.roundRobinCursor.
 */
import type { CallerId, CallPlan, DialTarget } from "./call-plan";
import { phoneTarget } from "./dial-extension";
import { huntOrder } from "./hunt-order";
import type { RoutingState, TenantDialPlan } from "./types";

export interface QueueAttempt {
  /** Endpoint targets, `via: "QUEUE"`, each ringing `memberRingSec`. */
  targets: DialTarget[];
  /** Ring all: everyone at once; every other strategy: one after another, in order. */
  strategy: "simultaneous" | "sequential";
  /** For each target (sequential) or for all (simultaneous): the queue's member ring time. */
  timeoutSec: number;
  /** The queue's cursor when its strategy is round robin; claimed on CallQueue. */
  roundRobin: CallPlan["roundRobin"];
}

/** Null when nobody can be rung now (or the queue is gone): the worker waits `retrySec` and asks again. */
export function queueAttempt(plan: TenantDialPlan, queueId: string, state: RoutingState, callerId: CallerId): QueueAttempt | null {
  const queue = plan.queuesById.get(queueId);
  if (queue === undefined) return null;
  // The whole list is ordered (rotated) before skipping, so an absent member does not shift the rest.
  const { members, cursor } = huntOrder(queue, queue.members, state);
  const targets: DialTarget[] = [];
  for (const member of members) {
    if (!member.isLoggedIn) continue;
    const extension = plan.extensionsById.get(member.extensionId);
    if (extension === undefined || extension.endpoint === null || extension.doNotDisturb === true) continue;
    if (state.busyExtensionIds.has(extension.id)) continue;
    // A member calling their own queue (an internal caller shows their extension's number) is not rung for it.
    if (callerId.number !== null && callerId.number === extension.number) continue;
    targets.push(phoneTarget(extension, "QUEUE", queue.memberRingSec));
  }
  if (targets.length === 0) return null;
  return {
    targets,
    strategy: queue.strategy === "ringAll" ? "simultaneous" : "sequential",
    timeoutSec: queue.memberRingSec,
    roundRobin: cursor === null ? [] : [{ huntGroupId: queue.id, cursor }],
  };
}
