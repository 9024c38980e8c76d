/**
 * buildCallFlow: the read-only diagram of everything a call to a number, extension, hunt
 * group, IVR menu or call queue can do. It walks the same compiled structures with the same helpers routing uses
 * (destinationProblem, followMeStepProblem, endsFollowMe, didMailbox…), and names nodes with
 * flowId, so every CallPlan.path is a walk in this graph (route-call.flow.test.ts checks it).
 * Each node is expanded once: a loop becomes an edge back to a node already drawn.
 */
import { destinationNodeId, destinationProblem } from "./destination-problem";
import { ringTimeout, safeRingSec } from "./dial-extension";
import { endsFollowMe, followMeStepProblem } from "./follow-me";
import { FlowGraph } from "./flow-graph";
import { flowId, type CallFlowGraph, type FlowEntry, type FlowNodeRef } from "./flow-ids";
import { describeDestination, describeRule } from "./flow-labels";
import { drawMenu, drawQueue } from "./flow-media";
import { memberProblem } from "./hunt-group";
import { toNetworkE164 } from "./normalize-number";
import { RULE_MESSAGES, EMPTY_ROUTING_STATE, type Destination, type Extension, type HuntGroupConfig, type TenantDialPlan } from "./types";

export interface Builder {
  plan: TenantDialPlan;
  graph: FlowGraph;
}

export function buildCallFlow(plan: TenantDialPlan, entry: FlowEntry): CallFlowGraph {
  const b: Builder = { plan, graph: new FlowGraph() };
  switch (entry.kind) {
    case "did": {
      const did = toNetworkE164(entry.number, plan.numbering) ?? entry.number;
      return b.graph.toGraph(entry, drawDid(b, did));
    }
    case "extension":
      return b.graph.toGraph(entry, drawDestination(b, { kind: "extension", extensionId: entry.extensionId }));
    case "huntGroup":
      return b.graph.toGraph(entry, drawDestination(b, { kind: "huntGroup", huntGroupId: entry.huntGroupId }));
    case "ivr":
      return b.graph.toGraph(entry, drawDestination(b, { kind: "ivr", ivrMenuId: entry.ivrMenuId }));
    case "queue":
      return b.graph.toGraph(entry, drawDestination(b, { kind: "queue", queueId: entry.queueId }));
  }
}

function drawDid(b: Builder, did: string): string {
  const id = flowId.did(did);
  const target = b.plan.didsByNumber.get(did);
  b.graph.add({ id, kind: "did", label: did, ref: { kind: "did", number: did }, warning: target ? null : "not a number of this company" });
  if (!target) return id;
  const mailbox = didMailboxOf(b.plan, target);
  const next = drawRules(b, id, { kind: "did", number: did }, mailbox);
  const problem = destinationProblem(b.plan, target);
  if (problem === null) {
    b.graph.link(next, drawDestination(b, target), "then");
    return id;
  }
  b.graph.warn(id, problem);
  const cause = target.kind === "external" ? (b.plan.outbound === null ? "congestion" : "failure") : "unallocated";
  b.graph.link(next, drawHangup(b, id, cause), "then");
  return id;
}

/** Same choice as route-did-target's didMailbox, over the plan rather than a call. */
function didMailboxOf(plan: TenantDialPlan, target: Destination): string {
  if (target.kind === "voicemail") return target.mailbox;
  const extension = target.kind === "extension" ? plan.extensionsById.get(target.extensionId) : undefined;
  return extension?.voicemail.isEnabled ? extension.voicemail.mailbox : plan.generalMailbox;
}

/** Draws the owner's rules; returns the node normal handling continues from (the no-rule node, or the owner). */
function drawRules(b: Builder, ownerId: string, ref: FlowNodeRef, mailbox: string): string {
  const rules = b.plan.rulesByOwner.get(ownerId);
  if (!rules || rules.length === 0) return ownerId;
  const noRule = flowId.noRuleMatched(ownerId);
  b.graph.add({ id: noRule, kind: "noRuleMatched", label: "No rule matched", detail: "ring normally" });
  let previous = ownerId;
  rules.forEach((rule, index) => {
    const id = flowId.rule(rule.id);
    b.graph.add({ id, kind: "rule", label: `Rule ${index + 1}: ${rule.name}`, detail: describeRule(rule), ref });
    b.graph.link(previous, id, index === 0 ? "rules" : "no match");
    previous = id;
    const { action } = rule;
    if (action.kind === "forward") {
      const problem = destinationProblem(b.plan, action.destination);
      if (problem === null) b.graph.link(id, drawDestination(b, action.destination), "matches");
      else {
        b.graph.warn(id, problem);
        b.graph.link(id, noRule, "matches (destination missing)");
      }
    } else if (action.kind === "voicemail") b.graph.link(id, drawVoicemail(b, mailbox), "matches");
    else if (action.kind === "reject") b.graph.link(id, drawHangup(b, ownerId, action.cause), "matches");
    else if (action.kind === "message") {
      const messageId = flowId.message(ownerId, action.message);
      const message = RULE_MESSAGES[action.message] ?? RULE_MESSAGES.notInService;
      b.graph.add({ id: messageId, kind: "message", label: `Play "${message.label}"` });
      b.graph.link(id, messageId, "matches");
      b.graph.link(messageId, drawHangup(b, ownerId, "normal"), "then");
    } else b.graph.link(id, noRule, "matches: ring normally");
  });
  b.graph.link(previous, noRule, "no match");
  return noRule;
}

/** The node of a usable destination, drawn (and expanded) on first sight. */
export function drawDestination(b: Builder, destination: Destination): string {
  const id = destinationNodeId(b.plan, destination);
  const ref: FlowNodeRef | null = destination.kind === "huntGroup" ? { kind: "huntGroup", huntGroupId: destination.huntGroupId }
    : destination.kind === "fax" ? { kind: "faxAccount", sipAccountId: destination.sipAccountId }
    : destination.kind === "extension" ? { kind: "extension", extensionId: destination.extensionId, section: "forwarding" }
    : destination.kind === "ivr" ? { kind: "ivr", ivrMenuId: destination.ivrMenuId }
    : destination.kind === "queue" ? { kind: "queue", queueId: destination.queueId } : null;
  const kind = destination.kind === "huntGroup" ? "huntGroup" : destination.kind;
  const isNew = b.graph.add({ id, kind, label: describeDestination(b.plan, destination), ref, warning: destinationProblem(b.plan, destination) });
  if (!isNew) return id;
  if (b.graph.isFull) {
    b.graph.warn(id, "the diagram is cut here: too many steps to draw");
    return id;
  }
  if (destination.kind === "extension") {
    const extension = b.plan.extensionsById.get(destination.extensionId);
    if (extension) drawExtension(b, extension, id);
  }
  if (destination.kind === "huntGroup") {
    const group = b.plan.huntGroupsById.get(destination.huntGroupId);
    if (group) drawHuntGroup(b, group, id);
  }
  if (destination.kind === "ivr") {
    const menu = b.plan.ivrMenusById.get(destination.ivrMenuId);
    if (menu) drawMenu(b, menu, id);
  }
  if (destination.kind === "queue") {
    const queue = b.plan.queuesById.get(destination.queueId);
    if (queue) drawQueue(b, queue, id);
  }
  return id;
}

function drawExtension(b: Builder, extension: Extension, id: string): void {
  const { plan, graph } = b;
  const mailbox = extension.voicemail.isEnabled ? extension.voicemail.mailbox : plan.generalMailbox;
  const next = drawRules(b, id, { kind: "extension", extensionId: extension.id, section: "rules" }, mailbox);
  const forwardRef: FlowNodeRef = { kind: "extension", extensionId: extension.id, section: "forwarding" };
  if (extension.doNotDisturb === true) {
    const dnd = flowId.dnd(extension.id);
    graph.add({ id: dnd, kind: "dnd", label: "Do not disturb", ref: forwardRef });
    graph.link(next, dnd, "then");
    graph.link(dnd, extension.voicemail.isEnabled ? drawVoicemail(b, extension.voicemail.mailbox) : drawHangup(b, id, "busy"), "then");
    return;
  }
  const always = usable(b, id, extension.forwarding?.always, "forward always");
  if (always !== null) {
    graph.link(next, drawForward(b, extension, "always", always), "then");
    return;
  }
  const followMe = plan.followMeByExtension.get(extension.id);
  if (followMe) {
    drawFollowMe(b, extension, next);
    return;
  }
  const ring = flowId.ring(extension.id);
  graph.add({ id: ring, kind: "ring", label: `Ring ${extension.number}`, detail: extension.endpoint === null ? "no phone" : `${ringTimeout(plan, extension)} s`, ref: forwardRef });
  graph.link(next, ring, "then");
  if (extension.endpoint !== null) graph.link(ring, whenBusy(b, extension), "busy");
  if (extension.endpoint !== null) graph.link(ring, whenUnanswered(b, extension, "no_answer"), "no answer");
  graph.link(ring, whenUnanswered(b, extension, "congestion"), "unreachable");
}

export function usable(b: Builder, ownerId: string, destination: Destination | null | undefined, what: string): Destination | null {
  if (!destination) return null;
  const problem = destinationProblem(b.plan, destination);
  if (problem === null) return destination;
  b.graph.warn(ownerId, `${what} ${problem}`);
  return null;
}

function drawForward(b: Builder, extension: Extension, when: "always" | "busy" | "noAnswer", destination: Destination): string {
  const id = flowId.forward(extension.id, when);
  const label = when === "always" ? "Forward always" : when === "busy" ? "Forward when busy" : "Forward when unanswered";
  b.graph.add({ id, kind: "forward", label, ref: { kind: "extension", extensionId: extension.id, section: "forwarding" } });
  b.graph.link(id, drawDestination(b, destination), "then");
  return id;
}

function whenBusy(b: Builder, extension: Extension): string {
  const busy = usable(b, flowId.extension(extension.id), extension.forwarding?.busy, "forward when busy");
  if (busy !== null) return drawForward(b, extension, "busy", busy);
  return extension.voicemail.isEnabled ? drawVoicemail(b, extension.voicemail.mailbox) : drawHangup(b, flowId.extension(extension.id), "busy");
}

function whenUnanswered(b: Builder, extension: Extension, cause: "no_answer" | "congestion"): string {
  const noAnswer = usable(b, flowId.extension(extension.id), extension.forwarding?.noAnswer, "forward when unanswered");
  if (noAnswer !== null) return drawForward(b, extension, "noAnswer", noAnswer);
  return extension.voicemail.isEnabled ? drawVoicemail(b, extension.voicemail.mailbox) : drawHangup(b, flowId.extension(extension.id), cause);
}

function drawFollowMe(b: Builder, extension: Extension, from: string): void {
  const { plan, graph } = b;
  const followMe = plan.followMeByExtension.get(extension.id)!;
  const ringsSelfFirst = followMe.ringSelfFirstSec !== null && extension.endpoint !== null;
  let previous = from;
  let label = "then";
  if (ringsSelfFirst) {
    const ring = flowId.ring(extension.id);
    graph.add({ id: ring, kind: "ring", label: `Ring ${extension.number} first`, detail: `${safeRingSec(followMe.ringSelfFirstSec)} s` });
    graph.link(from, ring, "then");
    previous = ring;
    label = "busy or no answer";
  }
  const isTogether = followMe.strategy === "simultaneous";
  for (const step of followMe.steps) {
    const id = flowId.followMeStep(extension.id, step.id);
    const detail = [`${safeRingSec(step.ringSec)} s`, step.period ? step.period.text : null, step.confirm && step.destination.kind === "external" ? "press 1 to accept" : null];
    graph.add({
      id, kind: "followMeStep", label: `Follow-me: ${describeDestination(plan, step.destination)}`, detail: detail.filter(Boolean).join(" · "),
      ref: { kind: "extension", extensionId: extension.id, section: "forwarding" }, warning: followMeStepProblem(plan, step.destination),
    });
    graph.link(previous, id, label);
    if (endsFollowMe(step.destination) && destinationProblem(plan, step.destination) === null) graph.link(id, drawDestination(b, step.destination), "then");
    previous = id;
    label = isTogether ? "and" : "next";
  }
  graph.link(previous, whenUnanswered(b, extension, "no_answer"), "no answer");
}

function drawHuntGroup(b: Builder, group: HuntGroupConfig, id: string): void {
  const { plan, graph } = b;
  for (const member of group.members) {
    const extension = plan.extensionsById.get(member.extensionId);
    const memberId = flowId.huntMember(group.id, member.extensionId);
    const problem = memberProblem(extension, group, EMPTY_ROUTING_STATE);
    graph.add({
      id: memberId, kind: "huntMember", label: extension ? `${extension.number} · ${extension.displayName}` : "Missing extension",
      detail: `${Math.min(safeRingSec(member.ringSec), safeRingSec(group.ringSec))} s`, ref: { kind: "huntGroup", huntGroupId: group.id }, warning: problem,
    });
    graph.link(id, memberId, "rings");
  }
  const overflow = usable(b, id, group.overflow, "overflow");
  if (overflow !== null) graph.link(id, drawDestination(b, overflow), "overflow");
  else {
    graph.link(id, drawHangup(b, id, "no_answer"), "no answer");
    graph.link(id, drawHangup(b, id, "busy"), "all busy");
  }
}

function drawVoicemail(b: Builder, mailbox: string): string {
  const id = flowId.voicemail(mailbox);
  b.graph.add({ id, kind: "voicemail", label: `Voicemail ${mailbox}` });
  return id;
}

export function drawHangup(b: Builder, ownerId: string, cause: string): string {
  const id = flowId.hangup(ownerId, cause);
  b.graph.add({ id, kind: "hangup", label: `Hang up (${cause.replace("_", " ")})` });
  return id;
}
