/**
 * The end of a call as the worker sees it: the caller's channel left Stasis or was destroyed.
 * `finishCall` hangs up whatever is left (legs, bridge) and resets presence, once per call,
 * whichever of StasisEnd / ChannelDestroyed arrives first. `writeCallRecord` hands the CDR
 * over; the registry calls it once the hang-up cause is known (see call-registry.ts).
 */
import type { CallRecordInput } from "../dialplan/call-record-store";
import { targetLabel, type CallSession } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { collectCallRecording, endBridge } from "./record-call";

function directionOf(session: CallSession): CallRecordInput["direction"] {
  if (session.origin?.kind === "trunk") return "INBOUND";
  return session.planKind === "outbound" || session.planKind === "emergency" ? "OUTBOUND" : "INTERNAL";
}

function extensionOf(session: CallSession): string | null {
  if (session.origin?.kind === "extension") return session.origin.extensionId;
  const target = session.answeredLeg?.target ?? [...session.legs.values()][0]?.target;
  return target?.kind === "endpoint" ? target.extensionId : null;
}

/** Who answered and why they were rung: the answered leg's target, as the CDR keeps it. */
function answeredPartyOf(session: CallSession): Pick<CallRecordInput, "answeredByExtensionId" | "answeredBy" | "forwardedVia"> {
  const target = session.answeredAt ? session.answeredLeg?.target : undefined;
  if (!target) return { answeredByExtensionId: null, answeredBy: null, forwardedVia: null };
  return {
    answeredByExtensionId: target.kind === "endpoint" ? target.extensionId : null,
    answeredBy: targetLabel(target),
    forwardedVia: target.via ?? null,
  };
}

export function recordOf(session: CallSession, endedAt: Date): CallRecordInput | null {
  const tenantId = session.tenantId;
  if (!tenantId) return null; // never resolved to a tenant: nobody to bill or show it to
  // A caller who hung up while legs rang abandoned the call: nobody answered.
  const disposition = session.disposition === "FAILED" && session.legs.size > 0 && !session.answeredAt ? "NO_ANSWER" : session.disposition;
  return {
    tenantId,
    channelId: session.callerId,
    direction: directionOf(session),
    callerNumber: session.callerNumber || "anonymous",
    calledNumber: session.calledNumber,
    extensionId: extensionOf(session),
    didId: session.origin?.kind === "trunk" ? session.origin.didId : null,
    startedAt: session.startedAt,
    answeredAt: session.answeredAt,
    endedAt,
    disposition,
    hangupCause: session.hangupCause,
    isEmergency: session.planKind === "emergency",
    ...answeredPartyOf(session),
  };
}

export function finishCall(deps: StasisDeps, session: CallSession): void {
  if (session.isFinished) return;
  session.isFinished = true;
  session.isCallerGone = true;
  const now = deps.clock();
  for (const leg of session.liveLegs()) {
    leg.settle("cancelled");
    // Legs still ringing are cancelled; an answered leg is hung up as a normal call end.
    void quietly(session.log, "leg hangup", () => deps.ari.channels.hangup(leg.id, "normal"));
    const tenantId = session.tenantId;
    if (tenantId && leg.target.kind === "endpoint") deps.presence.idle(tenantId, leg.target.extensionId, leg.id, now);
  }
  const bridgeId = session.bridgeId;
  // A recording is stopped before its bridge goes, so Asterisk stores the whole file.
  if (bridgeId) void endBridge(deps, session, bridgeId);
  if (session.origin?.kind === "extension") deps.presence.idle(session.origin.tenantId, session.origin.extensionId, session.callerId, now);
  session.endedAt = now;
}

/** Hands the finished call's CDR to the store (once); a call never tied to a tenant has none. */
export function writeCallRecord(deps: StasisDeps, session: CallSession): void {
  if (session.isRecorded) return;
  session.isRecorded = true;
  const own = recordOf(session, session.endedAt ?? deps.clock());
  const record = own && session.callback ? session.callback.recordOf(own) : own;
  if (record) collectCallRecording(deps, session, record, Promise.resolve(deps.recordCall(record)));
  session.log.info("call finished", { disposition: own?.disposition ?? "unresolved", hangupCause: session.hangupCause });
  session.callback?.onEnded(record);
}
