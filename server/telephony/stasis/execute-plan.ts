/**
 * Runs a CallPlan's steps over ARI for one caller channel. Each step either ends the call's
 * routing (answered and bridged, voicemail, hangup) or, for a failed dial, continues with the
 * branch the engine chose for that failure. Throws on unexpected ARI errors; the caller of
 * `executePlan` (on-stasis-start.ts) turns those into a clean dialplan fallback.
 */
import { randomUUID } from "node:crypto";
import type { CallPlan, CallStep, HangupCause } from "../engine";
import { targetLabel, type CallSession } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { dialLegs, type DialRequest, type DialResult } from "./leg-dialer";
import { playToCaller } from "./play-to-caller";
import { runMenuStep } from "./execute-menu";
import { runQueueStep } from "./execute-queue";
import { startCallRecording } from "./record-call";

/** Dialplan context asterisk/extensions.conf provides: exten = mailbox, VOICEMAIL_GREETING = b|u. */
export const VOICEMAIL_CONTEXT = "voicemail";
const OUTBOUND_TIMEOUT_SEC = 60;

export interface ExecuteContext {
  deps: StasisDeps;
  session: CallSession;
  /** Maps a leg id to this session before it is originated. */
  registerLeg: (legId: string) => void;
}

/** Answer the caller and bridge it with the answered leg; the call then ends by hang-up events. */
export async function bridge(ctx: ExecuteContext, result: Extract<DialResult, { kind: "answered" }>): Promise<void> {
  const { deps, session } = ctx;
  // The call is answered when the callee answers, not when our bridge requests return: the
  // caller may already hang up while they are in flight, and that call was still answered.
  session.answeredAt = deps.clock();
  session.disposition = "ANSWERED";
  // Before any await: a hang-up while the requests below are in flight queues "idle" after
  // this, never before it (which left the extension "in call" for good, and hunt groups
  // skipping it).
  markInCall(ctx, result.leg, session.answeredAt);
  await deps.ari.channels.answer(session.callerId);
  const bridgeId = randomUUID();
  session.bridgeId = bridgeId;
  await deps.ari.bridges.create({ type: "mixing", bridgeId, name: `call-${session.callerId}` });
  if (session.isFinished) {
    // The call ended while the bridge was being created; finishCall's destroy may have beaten it.
    await quietly(session.log, "bridge destroy after the call ended", () => deps.ari.bridges.destroy(bridgeId));
    return;
  }
  await deps.ari.bridges.addChannel(bridgeId, [session.callerId, result.leg.id]);
  session.callback?.onBridged(result.leg);
  await startCallRecording(deps, session, result.leg);
}

function markInCall(ctx: ExecuteContext, leg: Extract<DialResult, { kind: "answered" }>["leg"], at: Date): void {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  if (!tenantId) return;
  if (leg.target.kind === "endpoint") deps.presence.inCall(tenantId, leg.target.extensionId, leg.id, leg.callerLabel, at);
  if (session.origin?.kind === "extension") deps.presence.inCall(tenantId, session.origin.extensionId, session.callerId, targetLabel(leg.target), at);
}

async function hangupCaller(ctx: ExecuteContext, cause: HangupCause): Promise<void> {
  ctx.session.isEnding = true;
  ctx.session.hangupCause ??= cause;
  await quietly(ctx.session.log, "caller hangup", () => ctx.deps.ari.channels.hangup(ctx.session.callerId, cause));
}

const FAILURE_CAUSE = { busy: "busy", noAnswer: "no_answer", unreachable: "congestion" } as const;
const FAILURE_DISPOSITION = { busy: "BUSY", noAnswer: "NO_ANSWER", unreachable: "FAILED" } as const;

async function dial(ctx: ExecuteContext, req: DialRequest): Promise<DialResult> {
  // Ringback for the caller while legs ring; a 404 means the caller already left.
  await quietly(ctx.session.log, "ring indication", () => ctx.deps.ari.channels.ring(ctx.session.callerId));
  const result = await dialLegs(ctx.deps, ctx.session, req, ctx.registerLeg);
  if (result.kind === "answered" && ctx.session.isCallerGone) {
    // Answered just as the caller left: end the callee's call instead of leaving it in Stasis.
    await quietly(ctx.session.log, "hangup of leg answered after caller left", () => ctx.deps.ari.channels.hangup(result.leg.id, "normal"));
  } else if (result.kind === "answered") await bridge(ctx, result);
  else if (result.kind !== "cancelled") ctx.session.disposition = FAILURE_DISPOSITION[result.kind];
  return result;
}

/** Runs `steps`; returns once routing is done (the call itself may still be up, bridged). */
export async function executeSteps(ctx: ExecuteContext, plan: CallPlan, steps: readonly CallStep[]): Promise<void> {
  const { deps, session } = ctx;
  for (const [index, step] of steps.entries()) {
    if (session.isCallerGone || session.isEnding) return;
    switch (step.type) {
      case "dial": {
        const result = await dial(ctx, step);
        if (result.kind === "answered" || result.kind === "cancelled") return;
        const branch = result.kind === "busy" ? step.onBusy : result.kind === "noAnswer" ? step.onNoAnswer : step.onUnreachable;
        // A failure branch replaces the remaining steps; an empty one falls through to them.
        if (branch.length > 0) return executeSteps(ctx, plan, branch);
        continue;
      }
      case "dialOutbound": {
        session.calledNumber = step.number;
        // The step's `via` (a forward over the trunk) goes on the target, so the CDR reads it like any forward.
        const target = { kind: "external" as const, trunk: step.trunk, number: step.number, ...(step.via ? { via: step.via } : {}) };
        const request = { targets: [target], strategy: "simultaneous" as const, timeoutSec: OUTBOUND_TIMEOUT_SEC, callerId: step.callerId };
        const result = await dial(ctx, request);
        if (result.kind !== "answered" && result.kind !== "cancelled") await hangupCaller(ctx, FAILURE_CAUSE[result.kind]);
        return;
      }
      case "voicemail": {
        // Set first: StasisEnd may be handled before continueInDialplan's answer arrives. A
        // caller already gone (404 while our socket was down) never reached voicemail, so the
        // call keeps the outcome it had.
        const before = session.disposition;
        session.disposition = "VOICEMAIL";
        session.isEnding = true;
        try {
          await deps.ari.channels.setVariable(session.callerId, "VOICEMAIL_GREETING", step.greeting === "busy" ? "b" : "u");
          await deps.ari.channels.continueInDialplan(session.callerId, { context: VOICEMAIL_CONTEXT, extension: step.mailbox, priority: 1 });
        } catch (err) {
          session.disposition = before;
          throw err;
        }
        return;
      }
      case "hangup":
        session.disposition = plan.kind === "blocked" || step.cause === "rejected" ? "REJECTED" : step.cause === "busy" ? "BUSY" : "FAILED";
        await hangupCaller(ctx, step.cause);
        return;
      case "play":
        await playToCaller(ctx, step);
        continue;
      // A menu or a queue ends this plan's routing: what follows comes from its own branches.
      case "menu":
        return runMenuStep(ctx, plan, step);
      case "queue":
        return runQueueStep(ctx, plan, step);
      default:
        throw new Error(`unknown call step at ${index}: ${JSON.stringify(step satisfies never)}`);
    }
  }
  // Every engine plan ends terminally; if one ever does not, end the call rather than strand it.
  session.log.warn("plan ran out of steps; hanging up", { trace: plan.trace });
  await hangupCaller(ctx, "normal_unspecified");
}
