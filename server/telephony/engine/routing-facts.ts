/**
 * What routing needs to know about an extension or a hunt group that does not depend on the
 * call: node ids, trace wording, labels, ring times, rule lists, resolved members. Built once
 * by compileDialPlan and kept on the compiled objects, because a string built per call costs
 * an allocation and (as a Map key) a fresh hash, several times what the rest of a step costs.
 */
import { partyLabel } from "./call-plan";
import { safeRingSec } from "./dial-extension";
import { flowId } from "./flow-ids";
import type { Extension, ExtensionConfig, ExtensionFacts, HuntGroupConfig, HuntGroupFacts } from "./types";

/** For an extension whose number is already trimmed. */
export function extensionFacts(config: Pick<ExtensionConfig, "id" | "number" | "displayName" | "endpoint" | "voicemail" | "ringTimeoutSec">, defaultRingTimeoutSec: number): ExtensionFacts {
  const nodeId = flowId.extension(config.id);
  const title = `Extension ${config.number} (${config.displayName})`;
  const label = `extension ${config.number} (${config.displayName})`;
  const mailbox = config.voicemail.isEnabled ? flowId.voicemail(config.voicemail.mailbox) : null;
  const ringTimeoutSec = safeRingSec(config.ringTimeoutSec ?? defaultRingTimeoutSec);
  return {
    nodeId,
    noRuleNodeId: flowId.noRuleMatched(nodeId),
    dndNodeId: flowId.dnd(config.id),
    ringNodeId: flowId.ring(config.id),
    forwardAlwaysNodeId: flowId.forward(config.id, "always"),
    forwardBusyNodeId: flowId.forward(config.id, "busy"),
    forwardNoAnswerNodeId: flowId.forward(config.id, "noAnswer"),
    busyEndNodeId: mailbox ?? flowId.hangup(nodeId, "busy"),
    noAnswerEndNodeId: mailbox ?? flowId.hangup(nodeId, "no_answer"),
    congestionEndNodeId: mailbox ?? flowId.hangup(nodeId, "congestion"),
    hangupNodeIds: {},
    title,
    titleLine: `${title}.`,
    label,
    partyLabel: partyLabel({ number: config.number, name: config.displayName }),
    dialledAsShort: { e164: null, short: config.number },
    ringTimeoutSec,
    ringLine: `Ring ${label} at ${config.endpoint ?? ""} for ${ringTimeoutSec}s.`,
    unansweredLine: config.voicemail.isEnabled
      ? `If busy, unanswered or unreachable: voicemail box ${config.voicemail.mailbox}.`
      : "If busy: busy signal; if unanswered or unreachable: hang up (no voicemail).",
    dndLine: `${title} is on do-not-disturb: ${config.voicemail.isEnabled ? "voicemail (busy greeting)" : "busy"}.`,
    noPhoneLine: `${title} has no phone provisioned; ${config.voicemail.isEnabled ? "sending to voicemail" : "hanging up"}.`,
    rules: undefined,
    followMe: undefined,
  };
}

/** The hangup node of an owner for `cause`, built on first use and kept (causes are a short fixed list). */
export function ownerHangupNodeId(facts: { nodeId: string; hangupNodeIds: Record<string, string> }, cause: string): string {
  return (facts.hangupNodeIds[cause] ??= flowId.hangup(facts.nodeId, cause));
}

/** Members resolved to their compiled extensions (undefined when missing: skipped with a trace line). */
export function huntGroupFacts(group: HuntGroupConfig, extensionsById: ReadonlyMap<string, Extension>): HuntGroupFacts {
  const nodeId = flowId.huntGroup(group.id);
  return {
    nodeId,
    hangupNodeIds: {},
    ringSec: safeRingSec(group.ringSec),
    titleLine: `Hunt group ${group.name} (${group.number}, ${group.strategy}).`,
    nobodyLine: `Nobody in hunt group ${group.name} can take the call.`,
    overflowsLine: `Hunt group ${group.name} overflows.`,
    members: group.members.map((member) => ({
      extensionId: member.extensionId,
      extension: extensionsById.get(member.extensionId),
      ringSec: safeRingSec(member.ringSec),
      nodeId: flowId.huntMember(group.id, member.extensionId),
    })),
  };
}

