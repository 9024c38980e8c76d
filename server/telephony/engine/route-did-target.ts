import type { CallerId } from "./call-plan";
import { hangUp, type Decision } from "./decision";
import { dialExtension } from "./dial-extension";
import { ringFax } from "./ring-fax";
import { parseNumber } from "./normalize-number";
import type { DidTarget, TenantDialPlan } from "./types";

/**
 * Routes a call that reached one of the tenant's DIDs, whether from outside or from one of
 * its own extensions dialling it (kept on-net). `did` is the E.164 DID; `callerId` is what
 * the destination will see.
 */
export function routeDidTarget(
  plan: TenantDialPlan,
  did: string,
  target: DidTarget,
  callerId: CallerId,
  trace: string[],
): Decision {
  switch (target.kind) {
    case "extension": {
      const extension = plan.extensionsById.get(target.extensionId);
      if (!extension) return hangUp("unallocated", "unallocated", `DID ${did} points at a missing extension.`, trace);
      trace.push(`DID ${did} goes to extension ${extension.number}.`);
      return { kind: "inbound", steps: dialExtension(plan, extension, callerId, trace) };
    }
    case "voicemail":
      trace.push(`DID ${did} goes straight to voicemail box ${target.mailbox}.`);
      return { kind: "inbound", steps: [{ type: "voicemail", mailbox: target.mailbox, greeting: "unavailable" }] };
    case "external":
      return forwardExternally(plan, did, target, callerId, trace);
    case "fax":
      return ringFax(plan, did, target, callerId, trace);
    default: {
      // A snapshot from a newer schema may carry kinds this engine predates; fail visibly, not silently.
      const unknown: { kind?: unknown } = target;
      return hangUp("unallocated", "unallocated", `DID ${did} has unsupported target "${String(unknown.kind)}".`, trace);
    }
  }
}

function forwardExternally(
  plan: TenantDialPlan,
  did: string,
  target: Extract<DidTarget, { kind: "external" }>,
  callerId: CallerId,
  trace: string[],
): Decision {
  if (plan.outbound === null) {
    return hangUp("barred", "congestion", `DID ${did} forwards to ${target.number} but the tenant has no outbound trunk.`, trace);
  }
  // Tenants type forward numbers as they would dial them, so national format is fine here.
  const parsed = parseNumber(target.number, plan.numbering, "dialled");
  if (parsed.kind !== "e164") {
    return hangUp("invalid", "failure", `DID ${did} forwards to "${target.number}", which is not a full phone number.`, trace);
  }
  const showCaller = target.presentCaller === true && callerId.number !== null;
  const presented: CallerId = showCaller ? callerId : { number: did, name: callerId.name };
  trace.push(`DID ${did} forwards to ${parsed.e164} via trunk ${plan.outbound.trunk}, presenting ${presented.number}.`);
  const step = {
    type: "dialOutbound",
    trunk: plan.outbound.trunk,
    number: parsed.e164,
    callerId: presented,
    isEmergency: false,
  } as const;
  return { kind: "inbound", steps: [step] };
}
