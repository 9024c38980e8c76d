/**
 * Routes a call to any destination: a DID's target, a forward, a rule's action, a hunt group's
 * overflow, a menu's option or exit, a queue's. The one router every path uses, so a destination behaves the same however the call
 * reached it. Records the destination's node on the path.
 */
import type { CallStep, ForwardVia } from "./call-plan";
import { destinationNodeId, destinationProblem } from "./destination-problem";
import { externalForward } from "./external-forward";
import { isOutOfCredit, outOfCreditSteps } from "./out-of-credit";
import { faxDial } from "./ring-fax";
import { routeHuntGroup } from "./hunt-group";
import { MAX_ROUTING_DEPTH, visit, type RouteContext } from "./route-context";
import { ringPhoneOnly, routeExtension } from "./route-extension";
import type { CompiledCallQueue, CompiledIvrMenu } from "./media-types";
import { routeMenu } from "./route-menu";
import { routeQueue } from "./route-queue";
import type { CompiledHuntGroup, Destination, Extension } from "./types";

/**
 * Steps for `destination`; `via` says why it is rung instead of what was called. A destination
 * already on the way here (A forwards to B, B to A) or too deep is cut: an extension then rings
 * its phone only, a hunt group, menu or queue hangs up, and the trace says so.
 */
export function routeDestination(ctx: RouteContext, destination: Destination, via: ForwardVia | undefined): CallStep[] {
  // Extensions, hunt groups, menus and queues are found once and carry their node id.
  const extension = destination.kind === "extension" ? ctx.plan.extensionsById.get(destination.extensionId) : undefined;
  if (extension !== undefined) return routeToExtension(ctx, extension, via);
  const group = destination.kind === "huntGroup" ? ctx.plan.huntGroupsById.get(destination.huntGroupId) : undefined;
  if (group !== undefined) return routeToHuntGroup(ctx, group);
  const menu = destination.kind === "ivr" ? ctx.plan.ivrMenusById.get(destination.ivrMenuId) : undefined;
  if (menu !== undefined) return routeToMenu(ctx, menu);
  const queue = destination.kind === "queue" ? ctx.plan.queuesById.get(destination.queueId) : undefined;
  if (queue !== undefined) return routeToQueue(ctx, queue);
  visit(ctx, destinationNodeId(ctx.plan, destination));
  const problem = destinationProblem(ctx.plan, destination);
  if (problem !== null) {
    ctx.trace.push(`The destination ${problem}; hang up.`);
    return [{ type: "hangup", cause: "unallocated" }];
  }
  switch (destination.kind) {
    case "extension":
    case "huntGroup":
    case "ivr":
    case "queue":
      return [{ type: "hangup", cause: "unallocated" }]; // unreachable: a missing one has a problem
    case "voicemail":
      ctx.trace.push(`Voicemail box ${destination.mailbox}.`);
      return [{ type: "voicemail", mailbox: destination.mailbox, greeting: "unavailable" }];
    case "fax":
      return faxDial(ctx.plan.faxAccountsById.get(destination.sipAccountId)!, ctx.callerId, ctx.trace, via);
    case "external":
      if (isOutOfCredit(ctx)) return outOfCreditSteps(ctx, `Forward to ${destination.number}`);
      return [externalForward(ctx, destination, via) ?? { type: "hangup", cause: "congestion" }];
  }
}

/** routeDestination for a compiled extension, e.g. the one an internal call dialled: its node, the loop guard, its routing. */
export function routeToExtension(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  visit(ctx, extension.facts.nodeId);
  if (ctx.visiting.length >= MAX_ROUTING_DEPTH || ctx.visiting.includes(extension)) {
    ctx.trace.push(`Extension ${extension.number} is already on this call's way (a forwarding loop, or too deep): ringing its phone only.`);
    return ringPhoneOnly(ctx, extension, via);
  }
  ctx.visiting.push(extension);
  try {
    return routeExtension(ctx, extension, via);
  } finally {
    ctx.visiting.pop();
  }
}

/** routeDestination for a compiled hunt group. */
export function routeToHuntGroup(ctx: RouteContext, group: CompiledHuntGroup): CallStep[] {
  visit(ctx, group.facts.nodeId);
  if (ctx.visiting.length >= MAX_ROUTING_DEPTH || ctx.visiting.includes(group)) {
    ctx.trace.push(`Hunt group ${group.name} is already on this call's way (an overflow loop, or too deep): hang up.`);
    return [{ type: "hangup", cause: "no_answer" }];
  }
  ctx.visiting.push(group);
  try {
    return routeHuntGroup(ctx, group);
  } finally {
    ctx.visiting.pop();
  }
}

/** routeDestination for a compiled IVR menu: its node, the loop guard (a menu planning a menu planning it), its step. */
export function routeToMenu(ctx: RouteContext, menu: CompiledIvrMenu): CallStep[] {
  visit(ctx, menu.nodeId);
  if (ctx.visiting.length >= MAX_ROUTING_DEPTH || ctx.visiting.includes(menu)) {
    ctx.trace.push(`IVR menu ${menu.name} is already on this call's way (a loop, or too deep): hang up.`);
    return [{ type: "hangup", cause: "normal" }];
  }
  ctx.visiting.push(menu);
  try {
    return routeMenu(ctx, menu);
  } finally {
    ctx.visiting.pop();
  }
}

/** routeDestination for a compiled call queue. */
export function routeToQueue(ctx: RouteContext, queue: CompiledCallQueue): CallStep[] {
  visit(ctx, queue.nodeId);
  if (ctx.visiting.length >= MAX_ROUTING_DEPTH || ctx.visiting.includes(queue)) {
    ctx.trace.push(`Call queue ${queue.name} is already on this call's way (a loop, or too deep): hang up.`);
    return [{ type: "hangup", cause: "normal" }];
  }
  ctx.visiting.push(queue);
  try {
    return routeQueue(ctx, queue);
  } finally {
    ctx.visiting.pop();
  }
}
