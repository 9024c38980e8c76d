/** Pure: how a callback's legs ended, as CallbackRequest.failureReason and the first leg's CDR. */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { CallbackFailureReason } from "@/server/modules/callbacks/contract";
import type { CallRecordInput } from "../dialplan/call-record-store";
import { targetLabel, type CallSession, type Leg, type LegOutcome } from "../stasis/call-session";
import type { CallPlan, DialTarget, TenantDialPlan } from "../engine";
import type { FirstParty } from "./callback-parties";

const REFUSED_KINDS = new Set<CallPlan["kind"]>(["blocked", "unallocated", "invalid", "barred"]);

export function firstLegFailure(outcome: Exclude<LegOutcome, "answered">, who: string): { reason: CallbackFailureReason; detail: string } {
  switch (outcome) {
    case "busy":
      return { reason: "FIRST_BUSY", detail: `${who} was busy.` };
    case "noAnswer":
      return { reason: "FIRST_NO_ANSWER", detail: `${who} did not answer.` };
    case "unreachable":
      return { reason: "FIRST_UNREACHABLE", detail: `${who} could not be reached.` };
    case "cancelled":
      return { reason: "WORKER_LOST", detail: "The call was stopped because the telephony worker shut down." };
  }
}

/** Why the second half ended without a connection. `outcomes`: how each of its legs ended. */
export function secondHalfFailure(session: CallSession, plan: CallPlan | null, outcomes: readonly LegOutcome[]): { reason: CallbackFailureReason; detail: string } {
  if (session.disposition === "VOICEMAIL") return { reason: "SECOND_NO_ANSWER", detail: "They did not answer; the call went to voicemail." };
  // The worker did not end the first party: they hung up themselves before the other answered.
  if (!session.isEnding) return { reason: "FIRST_HUNG_UP", detail: "The first party hung up before the other answered." };
  if (!plan) return { reason: "ERROR", detail: "The call could not be put through; the worker logged why." };
  if (REFUSED_KINDS.has(plan.kind) || session.disposition === "REJECTED") {
    return { reason: "ROUTE_REFUSED", detail: plan.trace.at(-1) ?? "The call was refused." };
  }
  if (outcomes.includes("noAnswer")) return { reason: "SECOND_NO_ANSWER", detail: "They did not answer." };
  if (outcomes.includes("busy") || session.disposition === "BUSY") return { reason: "SECOND_BUSY", detail: "They were busy." };
  if (outcomes.length === 0 && plan.steps.every((s) => s.type === "hangup")) return { reason: "ROUTE_REFUSED", detail: plan.trace.at(-1) ?? "The call was refused." };
  return { reason: "SECOND_UNREACHABLE", detail: "They could not be reached." };
}

export const whoIs = (target: DialTarget | undefined) => (target ? targetLabel(target) : "The first party");

const numberOf = (snapshot: TenantDialPlan, target: DialTarget) =>
  target.kind === "external" ? target.number : target.kind === "endpoint" ? (snapshot.extensionsById.get(target.extensionId)?.number ?? target.label) : target.label;

/** The first leg's own CDR: the ring of the first party, answered or not. */
export function firstLegRecord(
  row: Pick<CallbackRequest, "id" | "tenantId">, snapshot: TenantDialPlan, party: FirstParty, leg: Leg,
  times: { startedAt: Date; answeredAt: Date | null; endedAt: Date },
  end: { disposition: CallRecordInput["disposition"]; hangupCause: string | null },
): CallRecordInput {
  const target = leg.target;
  return {
    tenantId: row.tenantId,
    channelId: leg.id,
    direction: party.direction,
    callerNumber: party.callerId.number ?? "anonymous",
    calledNumber: numberOf(snapshot, target),
    extensionId: target.kind === "endpoint" ? target.extensionId : null,
    didId: null,
    startedAt: times.startedAt,
    answeredAt: times.answeredAt,
    endedAt: times.endedAt,
    disposition: end.disposition,
    hangupCause: end.hangupCause,
    answeredByExtensionId: times.answeredAt && target.kind === "endpoint" ? target.extensionId : null,
    answeredBy: times.answeredAt ? targetLabel(target) : null,
    forwardedVia: times.answeredAt ? (target.via ?? null) : null,
    callbackRequestId: row.id,
  };
}

export const DISPOSITION_OF: Record<Exclude<LegOutcome, "answered">, CallRecordInput["disposition"]> = {
  busy: "BUSY", noAnswer: "NO_ANSWER", unreachable: "FAILED", cancelled: "FAILED",
};
