import { flowId } from "./flow-ids";
import { parseNumber } from "./normalize-number";
import type { CompiledIvrMenu } from "./media-types";
import type { Destination, TenantDialPlan } from "./types";

/**
 * Why a destination cannot be used, or null when it can: the one check routing (which skips it
 * with a trace line), the call-flow view (which shows a warning) and compilation (which warns)
 * share. e.g. "points at a missing hunt group".
 */
export function destinationProblem(plan: TenantDialPlan, destination: Destination): string | null {
  switch (destination.kind) {
    case "extension":
      return plan.extensionsById.has(destination.extensionId) ? null : "points at a missing extension";
    case "huntGroup":
      return plan.huntGroupsById.has(destination.huntGroupId) ? null : "points at a missing hunt group";
    case "fax":
      return plan.faxAccountsById.has(destination.sipAccountId) ? null : "points at a missing fax account";
    case "ivr":
      return plan.ivrMenusById.has(destination.ivrMenuId) ? null : "points at a missing IVR menu";
    case "queue":
      return plan.queuesById.has(destination.queueId) ? null : "points at a missing call queue";
    case "voicemail":
      return destination.mailbox.trim() === "" ? "points at a voicemail box with no name" : null;
    case "external":
      if (plan.outbound === null) return `forwards to ${destination.number} but the company has no outbound trunk`;
      return externalE164(plan, destination.number) === null ? `forwards to "${destination.number}", which is not a full phone number` : null;
    default: {
      // A snapshot from a newer schema may carry kinds this engine predates.
      const unknown: { kind?: unknown } = destination;
      return `has an unsupported destination "${String(unknown.kind)}"`;
    }
  }
}

/** Tenants type forward numbers as they would dial them, so national format is fine. Configured ones are parsed at compile time. */
export function externalE164(plan: Pick<TenantDialPlan, "numbering" | "externalNumbers">, number: string): string | null {
  const known = plan.externalNumbers.get(number);
  if (known !== undefined) return known;
  const parsed = parseNumber(number, plan.numbering, "dialled");
  return parsed.kind === "e164" ? parsed.e164 : null;
}

/** Parses every outside number the configuration holds, once, for externalE164. */
export function indexExternalNumbers(plan: Omit<TenantDialPlan, "externalNumbers">): Map<string, string | null> {
  const numbers = new Map<string, string | null>();
  const index = (destination: Destination | null | undefined) => {
    if (destination?.kind !== "external" || numbers.has(destination.number)) return;
    numbers.set(destination.number, externalE164({ numbering: plan.numbering, externalNumbers: numbers }, destination.number));
  };
  for (const target of plan.didsByNumber.values()) index(target);
  for (const extension of plan.extensionsById.values()) {
    index(extension.forwarding?.always);
    index(extension.forwarding?.busy);
    index(extension.forwarding?.noAnswer);
  }
  for (const followMe of plan.followMeByExtension.values()) for (const step of followMe.steps) index(step.destination);
  for (const rules of plan.rulesByOwner.values()) for (const rule of rules) if (rule.action.kind === "forward") index(rule.action.destination);
  for (const group of plan.huntGroupsById.values()) index(group.overflow);
  for (const menu of plan.ivrMenusById.values()) forEachMenuDestination(menu, index);
  for (const queue of plan.queuesById.values()) {
    index(queue.onTimeout);
    index(queue.noMembersDestination);
  }
  return numbers;
}

/** The call-flow node a destination is drawn as (and recorded as in CallPlan.path). */
export function destinationNodeId(plan: TenantDialPlan, destination: Destination): string {
  switch (destination.kind) {
    case "extension": return flowId.extension(destination.extensionId);
    case "huntGroup": return flowId.huntGroup(destination.huntGroupId);
    case "fax": return flowId.fax(destination.sipAccountId);
    case "ivr": return flowId.ivr(destination.ivrMenuId);
    case "queue": return flowId.queue(destination.queueId);
    case "voicemail": return flowId.voicemail(destination.mailbox);
    case "external": return flowId.external(externalE164(plan, destination.number) ?? destination.number);
    default: return flowId.hangup("unsupported", "unallocated");
  }
}

/** Every configured destination with the words that name where it is configured, for compile warnings. */
export function collectRoutingWarnings(plan: TenantDialPlan, warnings: string[]): void {
  const check = (destination: Destination | null | undefined, owner: string) => {
    const problem = destination ? destinationProblem(plan, destination) : null;
    if (problem !== null) warnings.push(`${owner} ${problem}; skipped`);
  };
  for (const [did, target] of plan.didsByNumber) {
    // Missing extensions and fax accounts are reported where DIDs are compiled.
    if (target.kind === "huntGroup" || target.kind === "ivr" || target.kind === "queue") check(target, `DID ${did}`);
  }
  for (const extension of plan.extensionsById.values()) {
    const owner = `extension ${extension.number}`;
    check(extension.forwarding?.always, `${owner}: forward always`);
    check(extension.forwarding?.busy, `${owner}: forward when busy`);
    check(extension.forwarding?.noAnswer, `${owner}: forward when unanswered`);
    plan.followMeByExtension.get(extension.id)?.steps.forEach((step, i) => check(step.destination, `${owner}: follow-me step ${i + 1}`));
  }
  for (const [ownerId, rules] of plan.rulesByOwner) {
    for (const rule of rules) if (rule.action.kind === "forward") check(rule.action.destination, `${ownerId} rule "${rule.name}"`);
  }
  for (const group of plan.huntGroupsById.values()) {
    if (group.members.some((m) => !plan.extensionsById.has(m.extensionId))) warnings.push(`hunt group ${group.name}: a member extension is missing; skipped`);
    check(group.overflow, `hunt group ${group.name}: overflow`);
  }
  for (const menu of plan.ivrMenusById.values()) {
    for (const [digit, destination] of menu.optionsByDigit) check(destination, `IVR menu ${menu.name}: key ${digit}`);
    check(menu.afterRetries, `IVR menu ${menu.name}: after the last try`);
    check(menu.inactiveAction, `IVR menu ${menu.name}: outside its hours`);
    check(menu.fax, `IVR menu ${menu.name}: fax tone`);
  }
  for (const queue of plan.queuesById.values()) {
    if (queue.members.some((m) => !plan.extensionsById.has(m.extensionId))) warnings.push(`call queue ${queue.name}: a member extension is missing; skipped`);
    check(queue.onTimeout, `call queue ${queue.name}: after the maximum wait`);
    check(queue.noMembersDestination, `call queue ${queue.name}: when nobody is logged in`);
  }
}

/** Every destination a menu can send a caller to: its options, the last try's, outside hours, fax. */
export function forEachMenuDestination(menu: CompiledIvrMenu, visitor: (destination: Destination | null) => void): void {
  for (const destination of menu.optionsByDigit.values()) visitor(destination);
  visitor(menu.afterRetries);
  visitor(menu.inactiveAction);
  visitor(menu.fax);
}
