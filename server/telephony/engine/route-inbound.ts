import { findBlockReason } from "./block-list";
import { hangUp, type Decision } from "./decision";
import { toNetworkE164 } from "./normalize-number";
import { routeDidTarget } from "./route-did-target";
import type { RouteContext } from "./route-context";
import type { IncomingCall } from "./types";

/**
 * A call from the trunk: find the DID, screen the caller against the block list, then follow
 * the DID's target. The DID is checked first so a stale snapshot answers "unallocated",
 * never another tenant's rule.
 */
export function routeInbound(ctx: RouteContext, call: IncomingCall): Decision {
  const { plan, trace } = ctx;
  const did = toNetworkE164(call.dialled, plan.numbering);
  const compiled = did === null ? undefined : plan.didRoutes.get(did);
  if (did === null || compiled === undefined) {
    return hangUp("unallocated", "unallocated", `Called number "${call.dialled}" is not a DID of this tenant.`, trace);
  }
  const caller = toNetworkE164(call.callerId.number, plan.numbering);
  trace.push(`Inbound call to DID ${did} from ${caller ?? "a withheld number"}.`);

  const blockReason = findBlockReason(plan.blocked, caller);
  if (blockReason !== null) return hangUp("blocked", "rejected", `Blocked: ${blockReason}.`, trace);

  ctx.callerId = { number: caller, name: call.callerId.name };
  ctx.caller = { e164: caller, short: null };
  ctx.didE164 = did;
  ctx.didDialled = compiled.dialled;
  return routeDidTarget(ctx, compiled);
}
