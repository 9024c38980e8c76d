/**
 * A QueueStep (call-plan.ts): the caller is answered and recorded as waiting (QueueWaitingCall,
 * so every worker and the live pages see the line), hears the hold media with position and
 * expected-wait announcements every `announceEverySec`, and members are tried: each attempt
 * asks the engine whom to ring now (members are re-read each time, so a member logging in or
 * out counts from the next attempt), rings them while the caller keeps hearing the hold media
 * (no ringback: the caller is in a queue, not calling a phone), and after a miss waits
 * `retrySec`. An answer stops the hold media and bridges through execute-plan's `bridge`, so
 * recording, CDR and presence work as for any answered call. `maxWaitSec` after joining (real
 * time), ringing legs are cancelled and `onTimeout` runs. Every way out (answer, timeout, the
 * caller hanging up, an error) removes the waiting row; a crashed worker's rows are removed by
 * the next worker at start-up (start-worker.ts).
 */
import type { CallerId, CallPlan } from "../engine";
import { partyLabel, type QueueStep } from "../engine/call-plan";
import { answerCaller } from "./caller-media";
import { quietly } from "./deps";
import { cancelLegs, dialLegs, type DialResult } from "./leg-dialer";
import { bridge, executeSteps, type ExecuteContext } from "./execute-plan";
import { startAnnouncements } from "./queue-announcer";
import { decideQueueAttempt } from "./queue-attempt";
import { HoldMedia } from "./hold-media";
import { deferred, sleep } from "./timing";

type Answered = Extract<DialResult, { kind: "answered" }>;

export async function runQueueStep(ctx: ExecuteContext, plan: CallPlan, step: QueueStep): Promise<void> {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  if (!tenantId) throw new Error("queue step for a call without a tenant");
  const log = (session.log = session.log.child({ queueId: step.queueId }));
  const callerId: CallerId = session.incoming?.callerId ?? { number: session.callerNumber || null, name: null };
  const waiting = { tenantId, queueId: step.queueId, channelId: session.callerId };
  await answerCaller(deps, session);
  // Until a member answers, the caller was answered by nobody: hanging up now abandons the call.
  session.disposition = "NO_ANSWER";
  const joinedMs = Date.now();
  await deps.queueCalls?.join({ ...waiting, callerLabel: partyLabel(callerId), joinedAt: deps.clock() });
  log.info("caller joined the queue", { queue: step.name });

  const over = deferred();
  let isTimedOut = false;
  const maxWait = setTimeout(() => {
    isTimedOut = true;
    over.resolve();
    cancelLegs(deps, session, [...session.legs.values()].filter((leg) => !leg.isSettled), "normal");
  }, step.maxWaitSec * 1000);
  void session.callerGone.then(() => over.resolve());
  const hold = new HoldMedia(deps, session, step.holdMedia);
  const announcer = startAnnouncements(ctx, step, hold, over.promise, joinedMs);
  let answered: Answered | null = null;
  try {
    await hold.resume();
    answered = await tryMembers(ctx, step, callerId, () => isTimedOut, over.promise);
    if (answered) deps.queueWaits?.answered(step.queueId, (Date.now() - joinedMs) / 1000);
  } finally {
    clearTimeout(maxWait);
    over.resolve();
    await hold.stop();
    await announcer;
    await deps.queueCalls?.leave(waiting).catch((err: unknown) => log.warn("could not remove the waiting caller's row", { err }));
  }
  if (answered) {
    log.info("queue member answered", { legId: answered.leg.id, waitedSec: Math.round((Date.now() - joinedMs) / 1000) });
    return bridge(ctx, answered);
  }
  if (session.isCallerGone) return;
  log.info("maximum wait reached; leaving the queue", { maxWaitSec: step.maxWaitSec });
  await executeSteps(ctx, plan, step.onTimeout);
}

/** Attempts until a member answers (returned), the maximum wait passes or the caller leaves (null). */
async function tryMembers(
  ctx: ExecuteContext, step: QueueStep, callerId: CallerId, isTimedOut: () => boolean, over: Promise<void>,
): Promise<Answered | null> {
  const { deps, session } = ctx;
  const isDone = () => isTimedOut() || session.isCallerGone;
  while (!isDone()) {
    const attempt = await decideQueueAttempt(ctx, step.queueId, callerId);
    if (isDone()) return null;
    if (attempt && attempt.targets.length > 0) {
      const before = new Set(session.legs.keys());
      // Why they are rung, for the CDR (forwardedVia), unless the engine said more precisely.
      const targets = attempt.targets.map((t) => ({ ...t, via: t.via ?? ("QUEUE" as const) }));
      const result = await dialLegs(deps, session, { targets, strategy: attempt.strategy, timeoutSec: attempt.timeoutSec, callerId }, ctx.registerLeg);
      if (result.kind === "answered" && !session.isCallerGone) return result;
      if (result.kind === "answered") {
        // Answered just as the caller left: end the member's call instead of leaving it in Stasis.
        await quietly(session.log, "hangup of member answered after caller left", () => deps.ari.channels.hangup(result.leg.id, "normal"));
      }
      idleMissedMembers(ctx, before);
    } else {
      session.log.debug("no queue member to ring now", { queueId: step.queueId });
    }
    if (isDone()) return null;
    await sleep(step.retrySec * 1000, over);
  }
  return null;
}

/** Members who rang and did not answer are free again now, not at the end of a long wait. */
function idleMissedMembers(ctx: ExecuteContext, before: ReadonlySet<string>): void {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  if (!tenantId) return;
  for (const [id, leg] of session.legs) {
    if (before.has(id) || leg.isAnswered || leg.target.kind !== "endpoint") continue;
    deps.presence.idle(tenantId, leg.target.extensionId, id, deps.clock());
  }
}
