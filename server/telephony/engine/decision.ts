import type { CallStep, HangupCause, RouteKind } from "./call-plan";

/** A routing branch's result before routeCall wraps it into a CallPlan with the trace. */
export interface Decision {
  kind: RouteKind;
  steps: CallStep[];
}

/** A decision that ends the call at once, with the trace line saying why. */
export function hangUp(kind: RouteKind, cause: HangupCause, why: string, trace: string[]): Decision {
  trace.push(`${why} Hang up (${cause}).`);
  return { kind, steps: [{ type: "hangup", cause }] };
}
