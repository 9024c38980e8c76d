/**
 * A call queue reached as a destination: one QueueStep for the worker (which asks queueAttempt,
 * queue.ts, whom to ring on every attempt), with what follows the maximum wait planned now, off
 * the path. With nobody logged in and the queue set to "leave", callers go straight on.
 */
import type { CallStep, QueueStep } from "./call-plan";
import type { CompiledCallQueue } from "./media-types";
import { inBranch, type RouteContext } from "./route-context";
import { routeExit } from "./route-exit";
import type { TenantDialPlan } from "./types";

/** Members logged in whose extension exists (a phone, DND or a call do not matter: they are "in"). */
export function loggedInCount(plan: TenantDialPlan, queue: CompiledCallQueue): number {
  let count = 0;
  for (const member of queue.members) if (member.isLoggedIn && plan.extensionsById.has(member.extensionId)) count++;
  return count;
}

export function routeQueue(ctx: RouteContext, queue: CompiledCallQueue): CallStep[] {
  ctx.trace.push(queue.titleLine);
  const loggedIn = loggedInCount(ctx.plan, queue);
  if (loggedIn === 0 && queue.whenNoMembers === "leave") {
    ctx.trace.push(`Nobody is logged in to call queue ${queue.name}: the caller goes on at once.`);
    return routeExit(ctx, queue, "Call queue", queue.noMembersDestination, "when nobody is logged in", "QUEUE");
  }
  ctx.trace.push(loggedIn === 0
    ? `Nobody is logged in yet; the caller waits up to ${queue.maxWaitSec}s for a member.`
    : `${loggedIn} ${loggedIn === 1 ? "member is" : "members are"} logged in; ring for ${queue.memberRingSec}s per attempt, ${queue.retrySec}s apart, for up to ${queue.maxWaitSec}s.`);
  const onTimeout = inBranch(ctx, () => routeExit(ctx, queue, "Call queue", queue.onTimeout, "after the maximum wait", "QUEUE"));
  const step: QueueStep = {
    type: "queue",
    queueId: queue.id,
    name: queue.name,
    holdMedia: queue.holdMedia,
    announcePosition: queue.announcePosition,
    announceWaitTime: queue.announceWaitTime,
    announceEverySec: queue.announceEverySec,
    memberRingSec: queue.memberRingSec,
    retrySec: queue.retrySec,
    maxWaitSec: queue.maxWaitSec,
    onTimeout,
  };
  return [step];
}
