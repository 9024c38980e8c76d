/**
 * A hunt group: its members in the strategy's order, skipping those who cannot take the call
 * now (no phone, do-not-disturb, already on a call unless the group allows call waiting).
 * Ring all rings everyone at once; every other strategy rings one at a time, the group's ring
 * time capping the total. Nobody available, or nobody answering: the overflow, else hang up.
 */
import type { CallStep, DialTarget, HangupCause } from "./call-plan";
import { phoneTarget } from "./dial-extension";
import { destinationProblem } from "./destination-problem";
import { huntOrder } from "./hunt-order";
import { visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { ownerHangupNodeId } from "./routing-facts";
import type { CompiledHuntGroup, Extension, HuntGroupConfig, RoutingState } from "./types";

/** Why a member cannot be rung now, or null. `busy` is the one reason that makes "everyone busy". */
export function memberProblem(extension: Extension | undefined, group: HuntGroupConfig, state: RoutingState): string | null {
  if (!extension) return "is missing";
  if (extension.endpoint === null) return "has no phone";
  if (extension.doNotDisturb === true) return "is on do-not-disturb";
  if (!group.allowCallWaiting && state.busyExtensionIds.has(extension.id)) return "busy";
  return null;
}

export function routeHuntGroup(ctx: RouteContext, group: CompiledHuntGroup): CallStep[] {
  const { facts } = group;
  const groupRingSec = facts.ringSec;
  const { members, cursor } = huntOrder(group, facts.members, ctx.state);
  if (cursor !== null && ctx.isRecording) ctx.roundRobin.push({ huntGroupId: group.id, cursor });
  ctx.trace.push(facts.titleLine);

  const isRingAll = group.strategy === "ringAll";
  const targets: DialTarget[] = [];
  let busyCount = 0;
  let remaining = groupRingSec;
  let timeoutSec = 1;
  let ringing = "";
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const { extension } = member;
    const problem = memberProblem(extension, group, ctx.state);
    if (problem !== null) {
      if (problem === "busy") busyCount++;
      ctx.trace.push(`Member ${extension?.number ?? member.extensionId} ${problem === "busy" ? "is on a call" : problem}; skipped.`);
      continue;
    }
    if (!isRingAll && remaining <= 0) break;
    const ringSec = Math.min(member.ringSec, isRingAll ? groupRingSec : remaining);
    if (!isRingAll) remaining -= ringSec;
    if (targets.length === 0) visit(ctx, member.nodeId);
    const target = phoneTarget(extension!, "HUNT_GROUP", ringSec);
    targets.push(target);
    // The trace line and the dial's timeout, built as we go (no map/join/spread per call).
    ringing += `${ringing === "" ? "" : ", "}${target.kind === "endpoint" ? target.label : ""} (${ringSec}s)`;
    if (ringSec > timeoutSec) timeoutSec = ringSec;
  }

  if (targets.length === 0) {
    const cause: HangupCause = busyCount > 0 && busyCount === members.length ? "busy" : "no_answer";
    ctx.trace.push(facts.nobodyLine);
    return overflow(ctx, group, cause);
  }
  ctx.trace.push(`Ring ${ringing}${isRingAll ? " at once" : " in turn"}.`);
  // With a usable overflow every failure goes there: plan it once and share it.
  const hasOverflow = group.overflow !== null && destinationProblem(ctx.plan, group.overflow) === null;
  // Off the path (inBranch written out: no closure per call).
  const wasRecording = ctx.isRecording;
  ctx.isRecording = false;
  let whenUnanswered: CallStep[];
  let whenBusy: CallStep[];
  try {
    whenUnanswered = overflow(ctx, group, "no_answer");
    whenBusy = hasOverflow ? whenUnanswered : overflow(ctx, group, "busy");
  } finally {
    ctx.isRecording = wasRecording;
  }
  return [{
    type: "dial",
    targets,
    strategy: isRingAll ? "simultaneous" : "sequential",
    timeoutSec,
    callerId: ctx.callerId,
    onBusy: whenBusy,
    onNoAnswer: whenUnanswered,
    onUnreachable: whenUnanswered,
  }];
}

function overflow(ctx: RouteContext, group: CompiledHuntGroup, cause: HangupCause): CallStep[] {
  const problem = group.overflow ? destinationProblem(ctx.plan, group.overflow) : null;
  if (group.overflow && problem === null) {
    ctx.trace.push(group.facts.overflowsLine);
    return routeDestination(ctx, group.overflow, "HUNT_GROUP");
  }
  if (problem !== null) ctx.trace.push(`Hunt group ${group.name}'s overflow ${problem}; skipped.`);
  visit(ctx, ownerHangupNodeId(group.facts, cause));
  ctx.trace.push(`Hang up (${cause}).`);
  return [{ type: "hangup", cause }];
}
