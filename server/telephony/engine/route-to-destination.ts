import { findBlockReason } from "./block-list";
import type { CallPlan } from "./call-plan";
import { hangUp, type Decision } from "./decision";
import { describeLocalTime } from "./local-time";
import { presentCaller } from "./menu";
import { newContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { EMPTY_ROUTING_STATE, type Destination, type IncomingCall, type RoutingState, type TenantDialPlan } from "./types";

/**
 * A call that is connected to a destination of the company directly rather than by dialling
 * a number: the company side of a web callback (the "Call me now" widget puts the visitor
 * through to an extension, hunt group, IVR menu or queue). `call` is who is put through:
 * a trunk caller (the visitor) is presented and screened against the block list like any
 * inbound caller; an extension (the admin's test call) is presented as itself. Pure, like
 * routeCall; every returned plan ends terminally.
 */
export function routeToDestination(
  snapshot: TenantDialPlan,
  call: IncomingCall,
  destination: Destination,
  now: Date,
  state: RoutingState = EMPTY_ROUTING_STATE,
): CallPlan {
  const trace = [`Callback at ${describeLocalTime(now, snapshot.timeZone)} for tenant ${snapshot.tenantId}.`];
  const ctx = newContext(snapshot, now, state, trace);
  const kind = call.source.kind === "extension" ? "internal" : "inbound";
  let decision: Decision;
  if (snapshot.isSuspended) {
    decision = hangUp("barred", "rejected", "The company is suspended by its provider: no callbacks.", trace);
  } else {
    presentCaller(ctx, call);
    const blockReason = call.source.kind === "trunk" ? findBlockReason(snapshot.blocked, ctx.caller.e164) : null;
    if (blockReason !== null) {
      decision = hangUp("blocked", "rejected", `Blocked: ${blockReason}.`, trace);
    } else {
      trace.push(`Callback puts ${ctx.callerId.number ?? "a withheld number"} through to the ${destination.kind} destination.`);
      decision = { kind, steps: routeDestination(ctx, destination, undefined) };
    }
  }
  const { path, ruleChecks, roundRobin } = ctx;
  return { tenantId: snapshot.tenantId, kind: decision.kind, steps: decision.steps, trace, path, ruleChecks, roundRobin };
}
