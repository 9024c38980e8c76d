/**
 * One queue attempt: asks the engine whom to ring now, then claims the queue's round-robin
 * cursor (CallQueue.roundRobinCursor) by compare-and-set, re-asking with fresh state when
 * another call (on any worker) took it first, so two callers never start at the same member.
 */
import type { CallerId } from "../engine";
import type { ExecuteContext } from "./execute-plan";
import type { QueueAttempt } from "./media-engine-contract";

const MAX_CLAIM_ATTEMPTS = 5;

export async function decideQueueAttempt(ctx: ExecuteContext, queueId: string, callerId: CallerId): Promise<QueueAttempt | null> {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  if (!deps.queueAttempt || !tenantId) {
    throw new Error("call queue reached but the worker has no queueAttempt wired (engine queueAttempt)");
  }
  for (let attempt = 1; ; attempt++) {
    const next = await deps.queueAttempt(tenantId, { queueId, callerId });
    if (!next || next.roundRobin.length === 0 || !deps.claimQueueRoundRobin) return next;
    if (await deps.claimQueueRoundRobin(tenantId, next.roundRobin)) return next;
    if (attempt >= MAX_CLAIM_ATTEMPTS) {
      session.log.warn("queue round-robin cursor kept moving; ringing without a claim", { claims: next.roundRobin });
      return next;
    }
  }
}
