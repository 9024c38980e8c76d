import type { CallPlan } from "./call-plan";
import { hangUp, type Decision } from "./decision";
import { describeLocalTime } from "./local-time";
import { routeFromExtension } from "./route-from-extension";
import { routeInbound } from "./route-inbound";
import { newContext } from "./route-context";
import { EMPTY_ROUTING_STATE, type IncomingCall, type RoutingState, type TenantDialPlan } from "./types";

/**
 * Decides what happens to a call. Pure: no I/O, and `now` is the only clock. Never throws
 * for any strings in `call`; every returned plan ends terminally (see `endsTerminally`), so
 * the worker can always finish the call. `snapshot` comes from `compileDialPlan`; `state` is
 * what routing needs to know about the moment (who is on a call, round-robin cursors, usage).
 */
export function routeCall(snapshot: TenantDialPlan, call: IncomingCall, now: Date, state: RoutingState = EMPTY_ROUTING_STATE): CallPlan {
  const trace = [firstLine(describeLocalTime(now, snapshot.timeZone), snapshot.tenantId)];
  const ctx = newContext(snapshot, now, state, trace);
  // Only a suspended tenant needs to know up front whether this is an emergency call.
  const isBarred = snapshot.isSuspended && !(call.source.kind === "extension" && snapshot.emergencyNumbers.has(call.dialled.trim()));
  const decision: Decision =
    isBarred
      ? hangUp("blocked", "rejected", "The company is suspended by its provider: only emergency calls go through.", trace)
      : call.source.kind === "extension"
        ? routeFromExtension(ctx, call, call.source.extensionId)
        : routeInbound(ctx, call);
  const { path, ruleChecks, roundRobin } = ctx;
  return { tenantId: snapshot.tenantId, kind: decision.kind, steps: decision.steps, trace, path, ruleChecks, roundRobin };
}

/**
 * "Call at Mon 2025-01-06 09:15 Europe/London for tenant t1.": the same for every call of a
 * tenant within a minute (describeLocalTime hands out one string per zone per minute), so the
 * last line is kept while its two inputs are the same.
 */
let lastLine = { time: "", tenantId: "", line: "" };
function firstLine(time: string, tenantId: string): string {
  if (lastLine.time !== time || lastLine.tenantId !== tenantId) lastLine = { time, tenantId, line: `Call at ${time} for tenant ${tenantId}.` };
  return lastLine.line;
}
