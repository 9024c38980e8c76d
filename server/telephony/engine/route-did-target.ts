import { hangUp, type Decision } from "./decision";
import { destinationProblem } from "./destination-problem";
import { visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { ruleActionSteps, weighRules } from "./rules";
import { ownerHangupNodeId } from "./routing-facts";
import type { CompiledDid, DidTarget } from "./types";

/**
 * Routes a call that reached one of the tenant's DIDs, whether from outside or from one of
 * its own extensions dialling it (kept on-net): the DID's rules first (the first enabled match
 * decides), then, for "ring normally" or no match, its target. `ctx.didE164` is the DID.
 */
export function routeDidTarget(ctx: RouteContext, compiled: CompiledDid): Decision {
  const { e164: did, target } = compiled;
  visit(ctx, compiled.nodeId);
  const rule = weighRules(ctx, compiled, compiled.dialled);
  if (rule !== null) {
    const steps = ruleActionSteps(ctx, compiled, rule, didMailbox(ctx, target));
    if (steps !== null) return { kind: "inbound", steps };
  }
  const problem = destinationProblem(ctx.plan, target);
  if (problem !== null) {
    const isBarred = target.kind === "external" && ctx.plan.outbound === null;
    visit(ctx, ownerHangupNodeId(compiled, isBarred ? "congestion" : target.kind === "external" ? "failure" : "unallocated"));
    if (isBarred) return hangUp("barred", "congestion", `DID ${did} forwards to ${target.number} but the tenant has no outbound trunk.`, ctx.trace);
    if (target.kind === "external") {
      return hangUp("invalid", "failure", `DID ${did} forwards to "${target.number}", which is not a full phone number.`, ctx.trace);
    }
    return hangUp("unallocated", "unallocated", `DID ${did} ${problem}.`, ctx.trace);
  }
  ctx.trace.push(`DID ${did} goes to ${describeTarget(ctx, target)}.`);
  return { kind: "inbound", steps: routeDestination(ctx, target, undefined) };
}

/** A number's "voicemail" rule: the box of the extension it points at, else the company's. */
export function didMailbox(ctx: RouteContext, target: DidTarget): string {
  if (target.kind === "voicemail") return target.mailbox;
  const extension = target.kind === "extension" ? ctx.plan.extensionsById.get(target.extensionId) : undefined;
  return extension?.voicemail.isEnabled ? extension.voicemail.mailbox : ctx.plan.generalMailbox;
}

function describeTarget(ctx: RouteContext, target: DidTarget): string {
  switch (target.kind) {
    case "extension": return `extension ${ctx.plan.extensionsById.get(target.extensionId)?.number ?? target.extensionId}`;
    case "voicemail": return `voicemail box ${target.mailbox}`;
    case "huntGroup": return `hunt group ${ctx.plan.huntGroupsById.get(target.huntGroupId)?.name ?? target.huntGroupId}`;
    case "fax": return `fax account ${ctx.plan.faxAccountsById.get(target.sipAccountId)?.label ?? target.sipAccountId}`;
    case "ivr": return `IVR menu ${ctx.plan.ivrMenusById.get(target.ivrMenuId)?.name ?? target.ivrMenuId}`;
    case "queue": return `call queue ${ctx.plan.queuesById.get(target.queueId)?.name ?? target.queueId}`;
    case "external": return `${target.number}`;
  }
}
