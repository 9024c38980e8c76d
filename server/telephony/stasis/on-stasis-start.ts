/**
 * A new call entered the Stasis app. Like wazo, resolve the tenant before anything else; then
 * route (pure engine) and execute the plan. It never strands the caller: any error is logged
 * with tenant and channel, and the channel continues in dialplan (asterisk/extensions.conf
 * hangs up after Stasis) or, if that fails too, is hung up.
 */
import type { StasisStart } from "../ari";
import type { IncomingCall } from "../engine";
import type { CallOrigin } from "../dialplan/resolve-tenant";
import type { CallRegistry } from "./call-registry";
import { CallSession } from "./call-session";
import { isGoneError, quietly, type StasisDeps } from "./deps";
import { decideRoute } from "./decide-route";
import { executeSteps } from "./execute-plan";

function toIncomingCall(origin: CallOrigin, event: StasisStart): IncomingCall {
  const caller = event.channel.caller;
  const callerId = { number: caller.number || null, name: caller.name || null };
  return origin.kind === "extension"
    ? { source: { kind: "extension", extensionId: origin.extensionId }, dialled: event.channel.dialplan.exten, callerId }
    : { source: { kind: "trunk" }, dialled: origin.did, callerId };
}

export async function onStasisStart(deps: StasisDeps, registry: CallRegistry, event: StasisStart): Promise<void> {
  const channel = event.channel;
  const session = new CallSession(channel.id, channel.caller.number, channel.dialplan.exten, deps.clock(), deps.log.child({ channelId: channel.id, exten: channel.dialplan.exten }));
  registry.add(session);
  try {
    if (!deps.isAccepting()) {
      session.log.warn("worker is shutting down; refusing the call");
      session.isEnding = true;
      await deps.ari.channels.hangup(channel.id, "congestion");
      return;
    }
    const origin = await deps.resolveCall(channel);
    if (!origin) {
      session.log.warn("no tenant for this call (unknown DID or SIP account); rejecting", { caller: channel.caller.number });
      session.isEnding = true;
      await deps.ari.channels.hangup(channel.id, "unallocated");
      return;
    }
    session.origin = origin;
    session.log = session.log.child({ tenantId: origin.tenantId });
    session.incoming = toIncomingCall(origin, event);
    const plan = await decideRoute(deps, await deps.dialPlanFor(origin.tenantId), session.incoming, session.log);
    session.planKind = plan.kind;
    session.log.info("routing call", { kind: plan.kind, trace: plan.trace });
    await executeSteps({ deps, session, registerLeg: (legId) => registry.registerLeg(session, legId) }, plan, plan.steps);
  } catch (err) {
    if (session.isCallerGone || (session.isEnding && isGoneError(err))) {
      // Routine race: the caller (or the answered party) hung up while we were setting up.
      session.log.info("call ended during set-up", { err: String(err) });
      return;
    }
    session.log.error("routing failed; returning call to dialplan", { err });
    await fallBack(deps, session);
  }
}

/** Hangs up legs, then continue-in-dialplan; hang up if Asterisk refuses that too. */
async function fallBack(deps: StasisDeps, session: CallSession): Promise<void> {
  session.isEnding = true;
  session.disposition = "FAILED";
  session.hangupCause ??= "worker error";
  for (const leg of session.legs.values()) {
    leg.settle("cancelled");
    void quietly(session.log, "leg hangup", () => deps.ari.channels.hangup(leg.id, "normal"));
  }
  try {
    await deps.ari.channels.continueInDialplan(session.callerId);
  } catch (err) {
    if (isGoneError(err) && err && (err as { status?: number }).status === 404) return;
    session.log.warn("continue in dialplan failed; hanging up", { err });
    await quietly(session.log, "fallback hangup", () => deps.ari.channels.hangup(session.callerId, "normal_unspecified"));
  }
}
