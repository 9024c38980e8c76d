import type { CallerId } from "./call-plan";
import { hangUp, type Decision } from "./decision";
import { cleanNumber, parseNumber } from "./normalize-number";
import { chooseOutboundCli } from "./outbound-cli";
import { isOutOfCredit, outOfCreditSteps } from "./out-of-credit";
import type { RouteContext } from "./route-context";
import { routeToExtension, routeToHuntGroup, routeToQueue } from "./route-destination";
import { routeDidTarget } from "./route-did-target";
import type { Extension, IncomingCall, TenantDialPlan } from "./types";

/**
 * A call placed by one of the tenant's extensions. Order matters and is deliberate:
 * 1. emergency short codes, before anything a tenant configured could shadow them;
 * 2. an exact internal extension number, before normalisation (so "0123" can be an extension),
 *    then a hunt group's number, then a call queue's;
 * 3. a company speed dial, routed once more as if its target had been dialled (never twice:
 *    compile leaves out speed dials whose target is another code);
 * 4. the tenant's own DID, kept on-net rather than tromboned through the carrier;
 * 5. any other E.164 number leaves via the trunk (unless the company is out of credit: then
 *    an announcement and a hang-up); other short numbers are unallocated.
 */
export function routeFromExtension(ctx: RouteContext, call: IncomingCall, extensionId: string): Decision {
  const { plan, trace } = ctx;
  const caller = plan.extensionsById.get(extensionId);
  if (!caller) return hangUp("invalid", "rejected", `Calling extension ${extensionId} does not belong to this tenant.`, trace);
  const dialled = cleanNumber(call.dialled);
  trace.push(`${caller.facts.title} dialled "${dialled}".`);
  return routeDialled(ctx, call, caller, dialled, true);
}

function routeDialled(ctx: RouteContext, call: IncomingCall, caller: Extension, dialled: string, mayBeSpeedDial: boolean): Decision {
  const { plan, trace } = ctx;
  if (plan.emergencyNumbers.has(dialled)) return routeEmergency(plan, caller, dialled, trace);

  // Internal calls show the configured identity: a phone's own caller-ID setting is not trusted.
  const internalId: CallerId = { number: caller.number, name: caller.displayName };
  ctx.callerId = internalId;
  ctx.caller = { e164: null, short: caller.number };
  const callee = plan.extensionsByNumber.get(dialled);
  if (callee) {
    trace.push(`"${dialled}" is internal extension ${callee.number}.`);
    return { kind: "internal", steps: routeToExtension(ctx, callee, undefined) };
  }
  const huntGroup = plan.huntGroupsByNumber.get(dialled);
  if (huntGroup) {
    trace.push(`"${dialled}" is hunt group ${huntGroup.name}.`);
    return { kind: "internal", steps: routeToHuntGroup(ctx, huntGroup) };
  }
  const queue = plan.queuesByNumber.size > 0 ? plan.queuesByNumber.get(dialled) : undefined;
  if (queue) {
    trace.push(`"${dialled}" is call queue ${queue.name}.`);
    return { kind: "internal", steps: routeToQueue(ctx, queue) };
  }
  const speedDial = mayBeSpeedDial && plan.speedDialsByCode.size > 0 ? plan.speedDialsByCode.get(dialled) : undefined;
  if (speedDial) {
    trace.push(`"${dialled}" is speed dial "${speedDial.label}": dialling ${speedDial.number}.`);
    return routeDialled(ctx, call, caller, cleanNumber(speedDial.number), false);
  }

  const parsed = parseNumber(dialled, plan.numbering, "dialled");
  if (parsed.kind === "invalid") return hangUp("invalid", "number_incomplete", `Cannot dial: ${parsed.reason}.`, trace);
  if (parsed.kind === "short") {
    return hangUp("unallocated", "unallocated", `"${parsed.digits}" is not an extension or emergency number.`, trace);
  }

  const ownDid = plan.didRoutes.get(parsed.e164);
  if (ownDid !== undefined) {
    trace.push(`${parsed.e164} is this tenant's own DID; routing it internally.`);
    ctx.didE164 = parsed.e164;
    ctx.didDialled = ownDid.dialled;
    const decision = routeDidTarget(ctx, ownDid);
    return decision.kind === "inbound" ? { ...decision, kind: "internal" } : decision;
  }

  if (plan.outbound === null) {
    return hangUp("barred", "rejected", `Outbound call to ${parsed.e164} refused: the tenant has no outbound trunk.`, trace);
  }
  if (isOutOfCredit(ctx)) return { kind: "barred", steps: outOfCreditSteps(ctx, `Outbound call to ${parsed.e164}`) };
  trace.push(`Outbound call to ${parsed.e164} via trunk ${plan.outbound.trunk}.`);
  const cli = chooseOutboundCli(plan, plan.outbound, caller, call.callerId.number, trace);
  const callerId = { number: cli, name: caller.displayName };
  const step = { type: "dialOutbound", trunk: plan.outbound.trunk, number: parsed.e164, callerId, isEmergency: false } as const;
  return { kind: "outbound", steps: [step] };
}

/** Emergency calls ignore CLI requests: the extension's own CLI is what locates the caller. */
function routeEmergency(plan: TenantDialPlan, caller: Extension, dialled: string, trace: string[]): Decision {
  if (plan.outbound === null) {
    return hangUp("emergency", "congestion", `EMERGENCY call to ${dialled} cannot be placed: the tenant has no outbound trunk.`, trace);
  }
  trace.push(`EMERGENCY call to ${dialled} via trunk ${plan.outbound.trunk}.`);
  const cli = chooseOutboundCli(plan, plan.outbound, caller, null, trace);
  const callerId = { number: cli, name: caller.displayName };
  const step = { type: "dialOutbound", trunk: plan.outbound.trunk, number: dialled, callerId, isEmergency: true } as const;
  return { kind: "emergency", steps: [step] };
}
