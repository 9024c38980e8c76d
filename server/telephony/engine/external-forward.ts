import type { CallerId, CallStep, ForwardVia } from "./call-plan";
import { externalE164 } from "./destination-problem";
import type { RouteContext } from "./route-context";
import type { Destination } from "./types";

/**
 * A forward to an outside number (a DID's external target, a rule's or an extension's forward):
 * one leg out through the trunk. The forwarded leg shows the original caller only when asked to
 * and the caller is known; otherwise the DID the call came in on (or the trunk's default CLI),
 * a number the trunk is sure to accept. Null when there is no trunk or no valid number
 * (destinationProblem says which).
 */
export function externalForward(
  ctx: RouteContext,
  target: Extract<Destination, { kind: "external" }>,
  via: ForwardVia | undefined,
): CallStep | null {
  const { outbound } = ctx.plan;
  const number = externalE164(ctx.plan, target.number);
  if (outbound === null || number === null) return null;
  const showCaller = target.presentCaller === true && ctx.callerId.number !== null;
  const presented: CallerId = showCaller ? ctx.callerId : { number: ctx.didE164 ?? outbound.defaultCli, name: ctx.callerId.name };
  ctx.trace.push(`Forward to ${number} via trunk ${outbound.trunk}, presenting ${presented.number}.`);
  return { type: "dialOutbound", trunk: outbound.trunk, number, callerId: presented, isEmergency: false, ...(via ? { via } : {}) };
}
